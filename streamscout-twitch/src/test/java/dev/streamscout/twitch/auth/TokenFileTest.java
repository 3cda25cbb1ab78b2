package dev.streamscout.twitch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path dir;

    private static final UserTokens TOKENS = new UserTokens("rfx2uswqe8l4g1mkagrvg5tv0ks3",
            "eyJfMzUtNDU0OC4MWYwLTQ5MDY5ODY4NGNlMSJ9%asdfasdf=", List.of("chat:read", "clips:edit"),
            Instant.parse("2026-01-11T00:00:00Z"));

    @Test
    void missingFileIsEmpty() {
        assertThat(TokenFile.read(dir.resolve("nope.json"))).isEmpty();
    }

    @Test
    void readsTheSeedFormat() throws Exception {
        Path file = dir.resolve("twitch_user_tokens.json");
        Files.writeString(file, """
                {
                  "access_token": "xxx",
                  "refresh_token": "yyy",
                  "scopes": ["chat:read", "clips:edit"],
                  "created_at": "2026-01-11T00:00:00Z"
                }""");
        assertThat(TokenFile.read(file)).contains(new UserTokens("xxx", "yyy", List.of("chat:read", "clips:edit"),
                Instant.parse("2026-01-11T00:00:00Z")));
    }

    @Test
    void writeThenReadRoundTripsAtomicallyWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("secrets/twitch_user_tokens.json");
        TokenFile.write(file, new UserTokens("old", "", List.of(), null));
        TokenFile.write(file, TOKENS);

        assertThat(TokenFile.read(file)).contains(TOKENS);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("twitch_user_tokens.json");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void malformedFilesNameTheFileAndTheFixWithoutLeakingContent() throws Exception {
        Map<String, String> cases = Map.of(
                "not json", "rfx2uswqe8l4g1mkagrvg5tv0ks3",
                "not object", "[\"a\"]",
                "no access token", "{\"refresh_token\":\"y\"}",
                "scopes not list", "{\"access_token\":\"x\",\"scopes\":\"chat:read\"}",
                "bad date", "{\"access_token\":\"x\",\"created_at\":\"yesterday\"}");
        for (var c : cases.entrySet()) {
            Path file = dir.resolve(c.getKey().replace(' ', '_') + ".json");
            Files.writeString(file, c.getValue());
            assertThatThrownBy(() -> TokenFile.read(file)).as(c.getKey())
                    .isInstanceOf(TokenFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("streamscout auth")
                    .hasMessageNotContaining("rfx2uswqe8l4g1mkagrvg5tv0ks3");
        }
    }

    @Test
    void toStringMasksTokens() {
        assertThat(TOKENS.toString()).doesNotContain("rfx2uswqe8l4g1mkagrvg5tv0ks3").doesNotContain("eyJfMzUtNDU0")
                .contains("rfx2").contains("chat:read");
        assertThat(TOKENS.hasScope("clips:edit")).isTrue();
    }
}
