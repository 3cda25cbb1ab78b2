package dev.streamscout.twitch.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamscout.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user token file shared by ingest and the job (seed format):
 * <pre>{"access_token": "...", "refresh_token": "...", "scopes": ["chat:read", "clips:edit"],
 *  "created_at": "2026-01-11T00:00:00Z"}</pre>
 * Writes are atomic (a temp file in the same directory renamed over the old file), so a reader in
 * another process never sees half a file, and the file is private to its owner (0600) where the
 * file system supports POSIX permissions.
 */
public final class TokenFile {

    private static final String FIX = "run `streamscout auth` to create it again, or fix it by hand to the form "
            + "{\"access_token\":\"...\",\"refresh_token\":\"...\",\"scopes\":[\"chat:read\",\"clips:edit\"],"
            + "\"created_at\":\"2026-01-11T00:00:00Z\"} (the path comes from TWITCH_TOKEN_FILE)";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TokenFile() {}

    /**
     * @return the tokens, or empty when the file does not exist
     * @throws TokenFileException when the file exists but is not a valid token file
     */
    public static Optional<UserTokens> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenFileException("cannot read token file " + file + ": " + e.getMessage()
                    + "; check its permissions, or " + FIX, e);
        }
        return Optional.of(parse(file, text));
    }

    /** Writes the tokens atomically with owner-only permissions where supported. */
    public static void write(Path file, UserTokens tokens) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = createPrivateTemp(dir, target.getFileName().toString());
            Files.writeString(temp, toJson(tokens), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new TokenFileException("cannot write token file " + target + ": " + e
                    + "; check that its directory is writable", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the failure above is what matters
                }
            }
        }
    }

    private static Path createPrivateTemp(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(dir, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, "." + name, ".tmp");
        }
    }

    private static String toJson(UserTokens tokens) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("access_token", tokens.accessToken());
        root.put("refresh_token", tokens.refreshToken());
        ArrayNode scopes = root.putArray("scopes");
        tokens.scopes().forEach(scopes::add);
        if (tokens.createdAt() != null) {
            root.put("created_at", tokens.createdAt().toString());
        } else {
            root.putNull("created_at");
        }
        return root.toPrettyString() + "\n";
    }

    private static UserTokens parse(Path file, String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote file content (a token), so only the position is reported.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw malformed(file, "it is not valid JSON (error" + where + ")", null);
        }
        if (root == null || !root.isObject()) {
            throw malformed(file, "it is not a JSON object", null);
        }
        JsonNode access = root.get("access_token");
        if (access == null || !access.isTextual() || access.asText().isBlank()) {
            throw malformed(file, "\"access_token\" is missing or empty", null);
        }
        JsonNode refresh = root.get("refresh_token");
        if (refresh != null && !refresh.isNull() && !refresh.isTextual()) {
            throw malformed(file, "\"refresh_token\" is not a string", null);
        }
        List<String> scopes = new ArrayList<>();
        JsonNode scopesNode = root.get("scopes");
        if (scopesNode != null && !scopesNode.isNull()) {
            if (!scopesNode.isArray()) {
                throw malformed(file, "\"scopes\" is not a list of strings", null);
            }
            for (JsonNode s : scopesNode) {
                if (!s.isTextual()) {
                    throw malformed(file, "\"scopes\" holds a non-string entry " + s, null);
                }
                scopes.add(s.asText());
            }
        }
        Instant createdAt = null;
        JsonNode created = root.get("created_at");
        if (created != null && !created.isNull()) {
            try {
                createdAt = OffsetDateTime.parse(created.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(file, "\"created_at\" is not an ISO-8601 instant: " + created.asText(), e);
            }
        }
        return new UserTokens(access.asText(), refresh == null || refresh.isNull() ? "" : refresh.asText(),
                scopes, createdAt);
    }

    private static TokenFileException malformed(Path file, String what, Throwable cause) {
        return new TokenFileException("token file " + file + " is malformed: " + what + "; " + FIX, cause);
    }
}
