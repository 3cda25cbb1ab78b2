package dev.streamscout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamscout.sim.chat.EmoteCatalog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat volume: each channel's share follows its viewers, and a hype moment multiplies it. */
class ChatRateTest {

    private static SimulatorSettings steady(double rate) {
        // Viewer counts frozen (drift once an hour) so the expected shares stay put during the test;
        // no chat events, whose raid bursts would add spikes the rate statistics do not expect.
        return SimulatorSettings.defaults().withSeed(11).withTotalChatRatePerSecond(rate)
                .withScheduleHypeMoments(false).withViewerDriftInterval(Duration.ofHours(1)).withChatEventShare(0);
    }

    @Test
    void chatRateIsProportionalToViewers() throws IOException {
        try (TwitchSimulator sim = new TwitchSimulator(steady(2_000)).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            List<SimChannel> ranking = sim.channels();
            SimChannel big = ranking.get(0);
            SimChannel small = ranking.get(9);
            long totalViewers = ranking.stream().mapToLong(SimChannel::viewerCount).sum();
            client.send("JOIN #" + big.login() + ",#" + small.login());
            List<IrcTestLine> messages = privmsgs(client.readFor(Duration.ofSeconds(3)));

            long bigCount = messages.stream().filter(m -> m.channel().equals(big.login())).count();
            long smallCount = messages.stream().filter(m -> m.channel().equals(small.login())).count();
            double expectedRatio = (double) big.viewerCount() / small.viewerCount();
            assertThat(big.viewerCount()).isGreaterThan(10_000);
            assertThat(smallCount).isGreaterThan(50);
            assertThat((double) bigCount / smallCount).isCloseTo(expectedRatio, within(expectedRatio * 0.3));

            double seconds = spanSeconds(messages);
            double expectedBig = 2_000.0 * big.viewerCount() / totalViewers * seconds;
            assertThat((double) bigCount).isCloseTo(expectedBig, within(expectedBig * 0.2));
        }
    }

    @Test
    void hypeMomentMultipliesTheRateAndTurnsChatToEmotes() throws IOException, InterruptedException {
        try (TwitchSimulator sim = new TwitchSimulator(steady(400)).start();
             RawIrcClient client = RawIrcClient.anonymous(sim.ircPort())) {
            SimChannel channel = sim.channels().get(4);
            client.send("JOIN #" + channel.login());
            Instant start = Instant.now().plusMillis(1_800);
            HypeMoment moment = sim.scheduleHype(channel.login(), start, Duration.ofSeconds(3), 10.0);
            List<IrcTestLine> messages = privmsgs(client.readFor(Duration.ofMillis(4_900)));

            List<IrcTestLine> before = new ArrayList<>();
            List<IrcTestLine> during = new ArrayList<>();
            long firstTs = Long.MAX_VALUE;
            for (IrcTestLine message : messages) {
                long ts = Long.parseLong(message.tags().get("tmi-sent-ts"));
                firstTs = Math.min(firstTs, ts);
                if (moment.contains(Instant.ofEpochMilli(ts))) {
                    during.add(message);
                } else if (ts < moment.start().toEpochMilli()) {
                    before.add(message);
                }
            }
            double beforeSeconds = (moment.start().toEpochMilli() - firstTs) / 1000.0;
            assertThat(beforeSeconds).isGreaterThan(1.0);
            assertThat(before).hasSizeGreaterThan(5);
            double baseRate = before.size() / beforeSeconds;
            double hypeRate = during.size() / 3.0;
            assertThat(hypeRate / baseRate).as("hype %.1f/s vs base %.1f/s", hypeRate, baseRate)
                    .isGreaterThanOrEqualTo(5.0);
            // Not all of it: about half of a hype's messages are the usual chat going on (ChatterMix).
            assertThat(emoteShare(during)).isGreaterThan(0.5).isGreaterThan(emoteShare(before));
            assertThat(sim.hypeMoments()).contains(moment);
        }
    }

    private static double emoteShare(List<IrcTestLine> messages) {
        long withEmotes = messages.stream().filter(m -> {
            for (String word : m.messageText().split(" ")) {
                if (EmoteCatalog.global(word) != null || EmoteCatalog.THIRD_PARTY.contains(word)) {
                    return true;
                }
            }
            return false;
        }).count();
        return (double) withEmotes / messages.size();
    }

    private static List<IrcTestLine> privmsgs(List<String> lines) {
        List<IrcTestLine> messages = new ArrayList<>();
        for (String line : lines) {
            IrcTestLine parsed = IrcTestLine.parse(line);
            if (parsed.command().equals("PRIVMSG")) {
                messages.add(parsed);
            }
        }
        return messages;
    }

    private static double spanSeconds(List<IrcTestLine> messages) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (IrcTestLine message : messages) {
            long ts = Long.parseLong(message.tags().get("tmi-sent-ts"));
            min = Math.min(min, ts);
            max = Math.max(max, ts);
        }
        return (max - min) / 1000.0;
    }
}
