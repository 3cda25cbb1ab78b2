package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ground truth under /sim and the simulator's own hype planning. */
class SimEndpointsTest {

    private final HttpTestClient http = new HttpTestClient();

    @Test
    void momentsListScriptedAndPlannedMomentsAsJson() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withFirstHypeAfter(Duration.ofSeconds(2)).withHypeEvery(Duration.ofSeconds(30));
        try (TwitchSimulator sim = new TwitchSimulator(settings).start()) {
            SimChannel channel = sim.channels().get(7);
            Instant start = Instant.parse("2030-01-01T12:00:00.250Z");
            HypeMoment scripted = sim.scheduleHype(channel.login(), start, Duration.ofSeconds(12), 7.5);

            // Planning runs on start-up: the first self-planned moment is already listed.
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (sim.hypeMoments().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            HttpTestClient.Reply reply = http.get(URI.create(sim.simBase() + "/moments"), null);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode moments = reply.json();
            assertThat(moments.isArray()).isTrue();
            assertThat(moments.size()).isGreaterThanOrEqualTo(2);

            JsonNode planned = moments.get(0);
            assertThat(Instant.parse(planned.get("start").asText())).isAfter(Instant.now().minusSeconds(5));
            double length = Duration.between(Instant.parse(planned.get("start").asText()),
                    Instant.parse(planned.get("end").asText())).toMillis() / 1000.0;
            // The planner draws the specified shape (HypeShape): 5-20 s at 5-15x.
            assertThat(length).isBetween(5.0, 20.0);
            assertThat(planned.get("multiplier").asDouble()).isBetween(5.0, 15.0);
            assertThat(sim.channel(planned.get("channel").asText())).isPresent()
                    .get().extracting(SimChannel::id).isEqualTo(planned.get("channel_id").asText());

            JsonNode last = moments.get(moments.size() - 1);
            assertThat(last.get("channel").asText()).isEqualTo(channel.login());
            assertThat(last.get("channel_id").asText()).isEqualTo(channel.id());
            assertThat(last.get("start").asText()).isEqualTo("2030-01-01T12:00:00.250Z");
            assertThat(last.get("end").asText()).isEqualTo("2030-01-01T12:00:12.250Z");
            assertThat(last.get("multiplier").asDouble()).isEqualTo(7.5);
            assertThat(sim.hypeMoments()).contains(scripted);
        }
    }

    @Test
    void selfPlannedMomentsFavourTheTopChannels() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(99);
        // Plan a long schedule without running the servers: the planner is deterministic per seed.
        dev.streamscout.sim.world.World world = new dev.streamscout.sim.world.World(settings);
        dev.streamscout.sim.world.HypeSchedule schedule =
                new dev.streamscout.sim.world.HypeSchedule(settings.seed(), settings.hypeEvery());
        Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
        schedule.enablePlanning(t0.plusSeconds(30));
        schedule.planUntil(t0.plus(Duration.ofHours(10)), world.ranking());
        List<HypeMoment> moments = schedule.moments();
        assertThat(moments.size()).isBetween(300, 700);
        List<String> top5 = world.ranking().subList(0, 5).stream().map(SimChannel::login).toList();
        long inTop5 = moments.stream().filter(m -> top5.contains(m.channelLogin())).count();
        assertThat((double) inTop5 / moments.size()).isBetween(0.6, 0.9);
        for (int i = 1; i < moments.size(); i++) {
            long gap = Duration.between(moments.get(i - 1).end(), moments.get(i).start()).toSeconds();
            assertThat(gap).isBetween(59L, 91L);
        }
    }

    @Test
    void clipsEndpointListsClipsCreatedSoFar() throws Exception {
        try (TwitchSimulator sim = new TwitchSimulator(SimulatorSettings.defaults().withTotalChatRatePerSecond(0)
                .withScheduleHypeMoments(false)).start()) {
            assertThat(http.get(URI.create(sim.simBase() + "/clips"), null).json()).isEmpty();
            SimChannel channel = sim.channels().get(0);
            String id = http.post(URI.create(sim.helixBase() + "/clips?broadcaster_id=" + channel.id()), "t")
                    .json().get("data").get(0).get("id").asText();
            JsonNode clips = http.get(URI.create(sim.simBase() + "/clips"), null).json();
            assertThat(clips).hasSize(1);
            assertThat(clips.get(0).get("id").asText()).isEqualTo(id);
            assertThat(clips.get(0).get("broadcaster_id").asText()).isEqualTo(channel.id());
            assertThat(clips.get(0).get("title").asText()).isEqualTo(channel.title());
            assertThat(clips.get(0).has("ready_at")).isTrue();
            JsonNode channels = http.get(URI.create(sim.simBase() + "/channels"), null).json();
            assertThat(channels).hasSize(20);
        }
    }
}
