package org.drizzle.cmdlets.utility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.PSCustomObject;

/**
 * PowerShell objects to and from JSON with Jackson: objects by their properties (so a
 * credential shows only its user name), enums by name, dates as ISO text, depth-limited like
 * ConvertTo-Json (deeper values become their string form).
 */
public final class JsonConverter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonConverter() {
    }

    public static String toJson(Object value, int depth, boolean compress) {
        return toJson(value, depth, compress, new boolean[1]);
    }

    /** As {@link #toJson(Object, int, boolean)}; {@code truncated[0]} says whether -Depth cut anything off. */
    static String toJson(Object value, int depth, boolean compress, boolean[] truncated) {
        try {
            JsonNode node = node(value, depth, truncated);
            return compress ? new ObjectMapper().writeValueAsString(node) : JsonText.indented(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(Object v, int depth, boolean[] truncated) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Number n) {
            return NODES.numberNode(new BigDecimal(n.toString()));
        }
        if (Members.isScalar(v)) {
            return NODES.textNode(v instanceof java.time.temporal.Temporal ? v.toString() : LanguagePrimitives.toStr(v));
        }
        if (depth < 0) {
            truncated[0] = true;
            return NODES.textNode(LanguagePrimitives.toStr(v));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), node(x, depth - 1, truncated)));
            return o;
        }
        if (LanguagePrimitives.isEnumerable(v)) {
            ArrayNode a = NODES.arrayNode();
            LanguagePrimitives.toList(v).forEach(x -> a.add(node(x, depth - 1, truncated)));
            return a;
        }
        ObjectNode o = NODES.objectNode();
        for (String name : Members.propertyNames(v)) {
            o.set(name, node(Members.getProperty(v, name), depth - 1, truncated));
        }
        return o;
    }

    /** Parses JSON into PSCustomObjects, lists and scalars. */
    public static Object fromJson(String text) {
        return fromJson(text, false, DEFAULT_READ_DEPTH);
    }

    /** ConvertFrom-Json's default -Depth. */
    public static final int DEFAULT_READ_DEPTH = 1024;

    /**
     * Parses JSON into PSCustomObjects (or, with {@code asHashtable}, ordered hashtables), lists and
     * scalars; nesting deeper than {@code maxDepth} fails in PowerShell's (Json.NET's) words.
     */
    public static Object fromJson(String text, boolean asHashtable, int maxDepth) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Conversion from JSON failed with error: " + e.getOriginalMessage(), e);
        }
        return value(root, asHashtable, maxDepth, 0);
    }

    private static Object value(JsonNode n, boolean asHashtable, int maxDepth, int depth) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if ((n.isObject() || n.isArray()) && depth >= maxDepth) {
            throw new IllegalArgumentException("Conversion from JSON failed with error: The reader's MaxDepth of "
                    + maxDepth + " has been exceeded.");
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            if (asHashtable) {
                Hashtable h = new Hashtable();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    h.put(e.getKey(), value(e.getValue(), true, maxDepth, depth + 1));
                }
                return h;
            }
            PSCustomObject o = new PSCustomObject();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                o.setProperty(e.getKey(), value(e.getValue(), false, maxDepth, depth + 1));
            }
            return o;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(value(x, asHashtable, maxDepth, depth + 1)));
            return out.toArray();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}
