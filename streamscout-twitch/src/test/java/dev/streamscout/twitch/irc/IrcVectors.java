package dev.streamscout.twitch.irc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The captured lines in {@code shared/twitch/irc_vectors.jsonl}, found by walking up from the working directory. */
final class IrcVectors {

    record Vector(int index, String sourceRepo, String test, String kind, String raw, JsonNode expected) {
        String name() {
            return "#" + index + " " + (kind == null ? "normal" : kind) + " " + sourceRepo + " " + test;
        }
    }

    static final String RELATIVE = "shared/twitch/irc_vectors.jsonl";

    private IrcVectors() {}

    static Path locate() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(RELATIVE + " not found above " + Paths.get("").toAbsolutePath()
                + ": the shared/ directory must sit beside the project");
    }

    static List<Vector> load() {
        List<Vector> vectors = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(locate(), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                vectors.add(new Vector(vectors.size(), node.path("source_repo").asText(), node.path("test").asText(),
                        node.hasNonNull("kind") ? node.get("kind").asText() : null, node.get("raw").asText(),
                        node.get("expected")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }
}
