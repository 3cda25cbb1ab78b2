package dev.streamscout.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamscout.core.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Writes {@link DetectionRow}s as CSV (RFC 4180 quoting; lists joined with {@code |}) or JSON lines. */
public final class DetectionWriter implements Closeable {

    /** Output formats. */
    public enum Format { CSV, JSONL }

    private final Writer out;
    private final Format format;

    public DetectionWriter(Writer out, Format format) throws IOException {
        this.out = out;
        this.format = format;
        if (format == Format.CSV) {
            out.write(String.join(",", DetectionRow.COLUMNS));
            out.write('\n');
        }
    }

    public void write(DetectionRow row) throws IOException {
        if (format == Format.JSONL) {
            out.write(Json.toString(row));
            out.write('\n');
            return;
        }
        ObjectNode node = Json.mapper().valueToTree(row);
        StringBuilder line = new StringBuilder();
        for (String column : DetectionRow.COLUMNS) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(csv(node.get(column)));
        }
        out.write(line.append('\n').toString());
    }

    private static String csv(JsonNode value) {
        String text;
        if (value == null || value.isNull()) {
            text = "";
        } else if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                if (joined.length() > 0) {
                    joined.append('|');
                }
                joined.append(item.asText().replace('|', '/'));
            }
            text = joined.toString();
        } else if (value.isDouble() || value.isFloat()) {
            text = String.format(Locale.ROOT, "%.4f", value.asDouble());
        } else {
            text = value.asText();
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
        }
        return text;
    }

    /** Splits one CSV line into fields (RFC 4180 quotes; the writer never puts line breaks in a field). */
    public static List<String> splitCsv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
