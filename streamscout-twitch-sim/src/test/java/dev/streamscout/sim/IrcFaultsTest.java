package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat-server faults and limits: PONG delays, JOIN rate limit, suspended channels, channel limit, failed logins. */
class IrcFaultsTest {

    private static SimulatorSettings quiet() {
        return SimulatorSettings.defaults().withTotalChatRatePerSecond(0).withScheduleHypeMoments(false);
    }

    @Test
    void pongsCanBeDelayedAndWithheld() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet()).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            sim.delayPongs(Duration.ofMillis(700));
            long start = System.nanoTime();
            client.send("PING :slow");
            client.readUntil(l -> l.contains("PONG"), Duration.ofSeconds(3));
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(650);

            sim.delayPongs(Duration.ZERO);
            sim.withholdPongs(true);
            client.send("PING :nothing");
            assertThat(client.readFor(Duration.ofMillis(600))).noneMatch(l -> l.contains("PONG"));
            sim.withholdPongs(false);
            client.send("PING :back");
            assertThat(client.readUntil(l -> l.contains("PONG"), Duration.ofSeconds(2))).last()
                    .isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :back");
        }
    }

    @Test
    void excessJoinsAreDroppedSilentlyCountedAndLogged() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withChannels(40).withJoinRateLimit(20)).start();
             RawIrcClient first = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient second = RawIrcClient.anonymous(sim.ircPort())) {
            List<String> channels = sim.channels().stream().map(SimChannel::login).toList();
            // 15 + 10 JOINs from two anonymous connections: one account, so 5 are over the limit.
            first.send("JOIN #" + String.join(",#", channels.subList(0, 15)));
            second.send("JOIN #" + String.join(",#", channels.subList(15, 25)));
            List<String> a = first.readFor(Duration.ofMillis(500));
            List<String> b = second.readFor(Duration.ofMillis(300));
            long confirmed = a.stream().filter(l -> l.contains(" ROOMSTATE #")).count()
                    + b.stream().filter(l -> l.contains(" ROOMSTATE #")).count();
            assertThat(confirmed).isEqualTo(20);
            assertThat(a).noneMatch(l -> l.contains("NOTICE"));
            assertThat(b).noneMatch(l -> l.contains("NOTICE"));

            List<JoinAttempt> log = sim.joinLog();
            assertThat(log).hasSize(25).allMatch(j -> j.account().equals(JoinAttempt.ANONYMOUS));
            assertThat(log.stream().filter(j -> j.outcome() == JoinAttempt.Outcome.RATE_LIMITED)).hasSize(5);
            assertThat(log.stream().filter(j -> j.outcome() == JoinAttempt.Outcome.JOINED)).hasSize(20);
            assertThat(sim.maxJoinsInWindow(Duration.ofSeconds(10))).isEqualTo(25);
            assertThat(sim.joinedChannels()).hasSize(20);
        }
    }

    @Test
    void withoutALimitJoinsAreOnlyLogged() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withChannels(30)).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            client.send("JOIN #" + String.join(",#", sim.channels().stream().map(SimChannel::login).toList())
                    + ",#no_such_channel_here");
            client.readFor(Duration.ofMillis(500));
            assertThat(sim.joinedChannels()).hasSize(30);
            assertThat(sim.joinLog()).hasSize(31)
                    .anyMatch(j -> j.channel().equals("no_such_channel_here")
                            && j.outcome() == JoinAttempt.Outcome.UNKNOWN_CHANNEL);
            assertThat(sim.maxJoinsInWindow(Duration.ofSeconds(10))).isEqualTo(31);
        }
    }

    @Test
    void suspendedChannelAnswersJoinWithANotice() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet()).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            SimChannel channel = sim.channels().get(2);
            sim.setSuspended(channel.login(), true);
            assertThat(sim.channel(channel.login()).orElseThrow().live()).isFalse();
            client.send("JOIN #" + channel.login());
            assertThat(client.readLine()).isEqualTo("@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #"
                    + channel.login() + " :This channel does not exist or has been suspended.");
            assertThat(sim.joinLog()).last().extracting(JoinAttempt::outcome).isEqualTo(JoinAttempt.Outcome.SUSPENDED);
            assertThat(sim.joinedChannels()).isEmpty();
        }
    }

    @Test
    void channelLimitPerAccountCountsEveryConnectionOfTheAccount() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withChannelLimitPerAccount(3)).start();
             RawIrcClient first = RawIrcClient.anonymous(sim.ircPort());
             RawIrcClient second = RawIrcClient.anonymous(sim.ircPort())) {
            List<String> logins = sim.channels().stream().map(SimChannel::login).toList();
            first.send("JOIN #" + logins.get(0) + ",#" + logins.get(1));
            first.readUntil(l -> l.endsWith("ROOMSTATE #" + logins.get(1)), Duration.ofSeconds(2));
            second.send("JOIN #" + logins.get(2) + ",#" + logins.get(3));
            List<String> lines = second.readUntil(l -> l.contains("NOTICE"), Duration.ofSeconds(2));
            assertThat(lines).anyMatch(l -> l.endsWith("ROOMSTATE #" + logins.get(2)));
            assertThat(lines).last().asString().startsWith("@msg-id=msg_concurrent_channel_limit_reached :tmi.twitch.tv NOTICE #"
                    + logins.get(3) + " :");
            // Leaving one makes room again.
            first.send("PART #" + logins.get(0));
            first.readUntil(l -> l.contains(" PART #"), Duration.ofSeconds(2));
            second.send("JOIN #" + logins.get(3));
            assertThat(second.readUntil(l -> l.contains("ROOMSTATE") || l.contains("NOTICE"), Duration.ofSeconds(2)))
                    .last().asString().endsWith("ROOMSTATE #" + logins.get(3));
        }
    }

    @Test
    void expiredOrRevokedTokensFailTheLoginWithANotice() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(quiet().withAcceptAnyToken(false)).start()) {
            HttpTestClient http = new HttpTestClient();
            String code = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(sim.oauthBase() + "/authorize?client_id=" + HttpTestClient.CLIENT_ID
                                    + "&redirect_uri=http://localhost/cb&scope=chat%3Aread")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*code=([^&]+).*", "$1");
            String token = http.postForm(java.net.URI.create(sim.oauthBase() + "/token"), "client_id="
                    + HttpTestClient.CLIENT_ID + "&client_secret=s&grant_type=authorization_code&code=" + code)
                    .json().get("access_token").asText();
            List<String> outcomes = new ArrayList<>();
            for (int attempt = 0; attempt < 2; attempt++) {
                try (RawIrcClient client = new RawIrcClient(sim.ircPort())) {
                    client.send("PASS oauth:" + token);
                    client.send("NICK streamscoutbot");
                    outcomes.add(client.readLine());
                    if (attempt == 1) {
                        assertThat(client.closedByServer(Duration.ofSeconds(3))).isTrue();
                    }
                }
                sim.expireTokensIssuedBefore(Instant.now());
            }
            assertThat(outcomes).containsExactly(":tmi.twitch.tv 001 streamscoutbot :Welcome, GLHF!",
                    ":tmi.twitch.tv NOTICE * :Login authentication failed");
        }
    }
}
