package dev.streamscout.app.wiring;

import dev.streamscout.core.json.Json;
import dev.streamscout.twitch.auth.TokenFile;
import dev.streamscout.twitch.auth.UserTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets the demo a user token the way a real user gets one: the authorization-code grant, run against
 * the simulator (whose authorize page consents at once), written to the seed's token file.
 *
 * <p>So the demo's clips go through exactly the code path production uses: token file, Bearer
 * token, Create Clip.
 */
final class DemoUserToken {

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final String REDIRECT = "http://localhost:3000/auth/callback";

    private DemoUserToken() {}

    static UserTokens obtain(URI oauthBase, String clientId, String clientSecret, Path tokenFile)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI authorize = URI.create(oauthBase + "/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode("chat:read clips:edit"));
        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String location = consent.headers().firstValue("Location").orElseThrow(() ->
                new IOException("the simulator's authorize page did not redirect (HTTP " + consent.statusCode() + ")"));
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new IOException("the simulator's redirect carried no code");
        }
        String form = "grant_type=authorization_code&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&code=" + code.group(1) + "&redirect_uri=" + encode(REDIRECT);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(oauthBase + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("the simulator refused the code exchange (HTTP " + token.statusCode() + ")");
        }
        JsonNode body = Json.mapper().readTree(token.body());
        List<String> scopes = new ArrayList<>();
        body.path("scope").forEach(s -> scopes.add(s.asText()));
        UserTokens tokens = new UserTokens(body.path("access_token").asText(), body.path("refresh_token").asText(),
                scopes, Instant.now());
        TokenFile.write(tokenFile, tokens);
        return tokens;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
