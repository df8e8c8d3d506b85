package org.drizzle.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON policy format: object keys are registry subkeys and value names, nested
 * objects or backslash-joined paths alike, so a GPO export maps one-to-one:
 * <pre>{"JobInactivityTimeout": 30,
 *  "Throttling": {"EnableBandwidthLimits": 1},
 *  "Throttling\\WorkSchedule": {"StartDay": 1, "EndDay": 5, "StartHour": 8, "EndHour": 17}}</pre>
 * Used for the policy file and the fleet URL.
 */
public final class JsonPolicyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonPolicyReader() {
    }

    /** Parses and validates {@code json}; {@code origin} names the file or URL in messages. */
    public static PolicyLayer read(String json, PolicySource source, String origin) throws PolicyRejectedException {
        return PolicyLayer.validate(source, origin, flatten(json, origin));
    }

    /** The document as path to raw value, before validation. */
    static Map<String, Object> flatten(String json, String origin) throws PolicyRejectedException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PolicyRejectedException(origin, List.of("not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            // Most often a file caught mid-write; "{}" says "nothing configured" explicitly.
            throw new PolicyRejectedException(origin, List.of("the document is empty; write {} to configure nothing"));
        }
        if (!root.isObject()) {
            throw new PolicyRejectedException(origin, List.of("the document must be a JSON object of value names, not " + root.getNodeType()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        walk("", root, out, problems);
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(origin, problems);
        }
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, Object> out, List<String> problems) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix + e.getKey().replace('/', '\\');
            JsonNode value = e.getValue();
            if (value.isObject()) {
                walk(path + "\\", value, out, problems);
            } else if (out.containsKey(path)) {
                problems.add(path + " is set twice");
            } else if (value.isNull()) {
                problems.add(path + " = null is not valid; leave the value out to unset it");
            } else {
                out.put(path, scalar(value));
            }
        }
    }

    private static Object scalar(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) {
                items.add(item.isTextual() ? item.textValue() : item.toString());
            }
            return items;
        }
        return value.asText();
    }
}
