package dev.streamscout.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatWorkloadTest {

    private static final WorkloadSpec SMALL = new WorkloadSpec(9, 50, 120, 200, 1.0, 3, 8.0, 60,
            WorkloadSpec.DEFAULT_START_MS);

    @Test
    void sameSpecGivesTheSameBytes(@TempDir Path dir) throws Exception {
        ChatWorkload.Summary a = new ChatWorkload(SMALL).writeTo(dir.resolve("a"));
        ChatWorkload.Summary b = new ChatWorkload(SMALL).writeTo(dir.resolve("b"));

        assertThat(Files.mismatch(a.chatFile(), b.chatFile())).isEqualTo(-1L);
        assertThat(a.spikes()).isEqualTo(b.spikes());
        ChatWorkload.Summary other = new ChatWorkload(new WorkloadSpec(10, 50, 120, 200, 1.0, 3, 8.0, 60,
                WorkloadSpec.DEFAULT_START_MS)).writeTo(dir.resolve("c"));
        assertThat(Files.mismatch(a.chatFile(), other.chatFile())).isNotEqualTo(-1L);
    }

    @Test
    void linesAreChatMessagesOf150To300BytesInTimeOrderWithZipfPopularity(@TempDir Path dir) throws Exception {
        ChatWorkload.Summary summary = new ChatWorkload(SMALL).writeTo(dir);
        List<String> lines = Files.readAllLines(summary.chatFile());

        assertThat(lines).hasSize((int) summary.messages());
        assertThat(summary.messages()).isBetween(SMALL.expectedMessages() * 9 / 10, SMALL.expectedMessages() * 12 / 10);
        long previous = Long.MIN_VALUE;
        Map<String, Integer> perChannel = new HashMap<>();
        for (String line : lines) {
            assertThat(line.length() + 1).as(line).isBetween(150, 300);
            ChatMessage message = Json.fromString(line, ChatMessage.class);
            assertThat(message.timestamp()).isGreaterThanOrEqualTo(previous);
            previous = message.timestamp();
            perChannel.merge(message.channelId(), 1, Integer::sum);
        }
        // Rank 1 gets about twice rank 2 and ten times rank 10 under Zipf(1).
        assertThat(perChannel.get("100000")).isGreaterThan(perChannel.get("100001"));
        assertThat(perChannel.get("100000")).isGreaterThan(5 * perChannel.get("100009"));
    }

    @Test
    void spikesRaiseTheirChannelsRateAtTheRecordedPeak(@TempDir Path dir) throws Exception {
        ChatWorkload.Summary summary = new ChatWorkload(SMALL).writeTo(dir);
        List<ChatMessage> chat = Files.readAllLines(summary.chatFile()).stream()
                .map(line -> Json.fromString(line, ChatMessage.class)).toList();

        assertThat(summary.spikes()).hasSize(3);
        assertThat(ChatWorkload.readSpikes(summary.spikesFile())).isEqualTo(summary.spikes());
        for (InjectedSpike spike : summary.spikes()) {
            assertThat(spike.startMs()).isGreaterThanOrEqualTo(SMALL.startEpochMs() + 60_000);
            long atPeak = chat.stream().filter(m -> m.channelId().equals(spike.channelId())
                    && m.timestamp() / 1000 * 1000 == spike.peakSecondMs()).count();
            long before = chat.stream().filter(m -> m.channelId().equals(spike.channelId())
                    && m.timestamp() >= spike.startMs() - 30_000 && m.timestamp() < spike.startMs()).count();
            assertThat(atPeak).as("peak second vs mean second before").isGreaterThan(3 * before / 30);
            assertThat(spike.lastPeakEventMs()).isBetween(spike.peakSecondMs(), spike.peakSecondMs() + 999);
            assertThat(chat).anyMatch(m -> m.channelId().equals(spike.channelId())
                    && m.timestamp() == spike.lastPeakEventMs());
        }
    }
}
