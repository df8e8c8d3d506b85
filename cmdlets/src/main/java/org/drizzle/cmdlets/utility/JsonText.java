package org.drizzle.cmdlets.utility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text laid out as PowerShell 7's ConvertTo-Json writes it: two-space indentation,
 * {@code "key": value}, one array element per line, {@code []} and {@code {}} when empty, LF line ends.
 */
final class JsonText {
    private static final ObjectMapper SCALARS = new ObjectMapper();

    private JsonText() {
    }

    static String indented(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b, 0);
        return b.toString();
    }

    private static void write(JsonNode n, StringBuilder b, int level) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                indent(b, level + 1).append(scalar(SCALARS.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(e.getValue(), b, level + 1);
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(b, level).append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                indent(b, level + 1);
                write(n.get(i), b, level + 1);
                b.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            indent(b, level).append(']');
        } else {
            b.append(scalar(n));
        }
    }

    private static StringBuilder indent(StringBuilder b, int level) {
        return b.append("  ".repeat(level));
    }

    private static String scalar(JsonNode n) {
        try {
            return SCALARS.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
