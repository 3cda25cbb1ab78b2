package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A 200-channel world: Get Streams pages through it, three connections join it all, chat flows at the configured total rate. */
class LargeWorldTest {

    @Test
    void twoHundredChannelsPageJoinAndChatAtTheConfiguredRate() throws Exception {
        double rate = 400;
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withChannels(200).withSeed(3)
                .withTotalChatRatePerSecond(rate).withScheduleHypeMoments(false).withChatEventShare(0)
                .withViewerDriftInterval(Duration.ofHours(1))).start()) {
            HttpTestClient http = new HttpTestClient();
            List<JsonNode> streams = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpTestClient.Reply page = http.get(URI.create(sim.helixBase() + "/streams?first=100"
                        + (cursor == null ? "" : "&after=" + cursor)), "anytoken000000000000000000000");
                page.json().get("data").forEach(streams::add);
                JsonNode next = page.json().get("pagination").get("cursor");
                cursor = next == null ? null : next.asText();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(2);
            assertThat(streams).hasSize(200).extracting(s -> s.get("user_login").asText()).doesNotHaveDuplicates();
            List<Integer> viewers = streams.stream().map(s -> s.get("viewer_count").asInt()).toList();
            assertThat(viewers).isSortedAccordingTo((x, y) -> Integer.compare(y, x));
            assertThat(viewers.get(0)).isGreaterThan(10_000);
            assertThat(viewers.get(199)).isGreaterThanOrEqualTo(30);

            List<String> logins = streams.stream().map(s -> s.get("user_login").asText()).toList();
            Map<String, Integer> perChannel = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            List<RawIrcClient> clients = new ArrayList<>();
            try {
                for (int from = 0; from < 200; from += 90) {
                    RawIrcClient client = RawIrcClient.anonymous(sim.ircPort());
                    clients.add(client);
                    client.send("JOIN #" + String.join(",#", logins.subList(from, Math.min(200, from + 90))));
                    done.add(readers.submit(() -> {
                        for (String line : client.readFor(Duration.ofMillis(3_500))) {
                            IrcTestLine parsed = IrcTestLine.parse(line);
                            if (parsed.command().equals("PRIVMSG")) {
                                perChannel.merge(parsed.channel(), 1, Integer::sum);
                            }
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (sim.joinedChannels().size() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(sim.joinedChannels()).hasSize(200);
                long before = sim.generatedMessages();
                long start = System.nanoTime();
                Thread.sleep(2_000);
                double measured = (sim.generatedMessages() - before) / ((System.nanoTime() - start) / 1e9);
                assertThat(measured).isBetween(rate * 0.8, rate * 1.2);
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                for (RawIrcClient client : clients) {
                    client.close();
                }
            }
            assertThat(sim.joinLog()).hasSize(200).allMatch(j -> j.outcome() == JoinAttempt.Outcome.JOINED);
            // Bigger channels chat more: the top ten out-talk the bottom hundred.
            int top = logins.subList(0, 10).stream().mapToInt(l -> perChannel.getOrDefault(l, 0)).sum();
            int bottom = logins.subList(100, 200).stream().mapToInt(l -> perChannel.getOrDefault(l, 0)).sum();
            assertThat(top).isGreaterThan(bottom);
            assertThat(perChannel.size()).isGreaterThan(100);
        } finally {
            readers.shutdownNow();
        }
    }
}
