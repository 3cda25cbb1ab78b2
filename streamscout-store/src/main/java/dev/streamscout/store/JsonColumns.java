package dev.streamscout.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.streamscout.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists and small maps kept as JSON text in VARCHAR columns (portable; nothing queries inside them). */
final class JsonColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {};

    private JsonColumns() {}

    static String write(Object value) {
        return value == null ? null : Json.toString(value);
    }

    static List<String> strings(String json) {
        return json == null || json.isBlank() ? List.of() : read(json, STRINGS);
    }

    static Map<String, Integer> counts(String json) {
        return json == null || json.isBlank() ? Map.of() : read(json, COUNTS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new StoreException("Unreadable JSON column: " + json, e);
        }
    }
}
