package dev.streamscout.job.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.chat.ChatMessage;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecondPreAggregatorTest {

    private static final long T = 1_767_225_600_000L;

    private OneInputStreamOperatorTestHarness<ChatMessage, ChatSecondSummary> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new SecondPreAggregator(1000));
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void chat(String channel, String user, String text, long atMs) throws Exception {
        harness.processElement(new ChatMessage(channel, "login" + channel, "id-" + user, user, user, text, atMs,
                List.of(), null), atMs);
    }

    private List<Object> output() {
        return List.copyOf(harness.getOutput());
    }

    @Test
    void a_second_goes_out_once_per_channel_just_before_the_watermark_that_closes_it() throws Exception {
        chat("1", "a", "hi", T + 100);
        chat("1", "b", "HELLO THERE", T + 900);
        chat("2", "c", "yo", T + 500);
        chat("1", "a", "next second", T + 1200);
        chat("1", "x", "!uptime", T + 300); // commands are not chat

        harness.processWatermark(new Watermark(T + 999));

        List<Object> out = output();
        assertThat(out).hasSize(3);
        assertThat(out.get(2)).isEqualTo(new Watermark(T + 999));
        List<ChatSecondSummary> seconds = harness.extractOutputValues();
        assertThat(seconds).extracting(s -> s.channelId).containsExactlyInAnyOrder("1", "2");
        ChatSecondSummary one = seconds.stream().filter(s -> s.channelId.equals("1")).findFirst().orElseThrow();
        assertThat(one.bucket.startMs).isEqualTo(T);
        assertThat(one.bucket.messages).isEqualTo(2);
        assertThat(one.bucket.loudMessages).isEqualTo(1);
        assertThat(one.bucket.users).containsExactly("a", "b");
        assertThat(one.maxEventMs).isEqualTo(T + 900);
        assertThat(one.channelLogin).isEqualTo("login1");
        assertThat(one.lateCandidate).isNull();
    }

    @Test
    void a_message_for_a_second_the_watermark_has_passed_goes_out_at_once_with_itself() throws Exception {
        harness.processWatermark(new Watermark(T + 1999));
        chat("1", "late", "sorry", T + 1500);

        List<ChatSecondSummary> seconds = harness.extractOutputValues();
        assertThat(seconds).singleElement().satisfies(s -> {
            assertThat(s.bucket.startMs).isEqualTo(T + 1000);
            assertThat(s.lateCandidate.username()).isEqualTo("late");
        });
    }

    @Test
    void nothing_is_held_across_a_checkpoint() throws Exception {
        chat("1", "a", "hi", T + 100);
        chat("1", "b", "later", T + 5100);

        harness.prepareSnapshotPreBarrier(1);

        assertThat(harness.extractOutputValues()).extracting(s -> s.bucket.startMs).containsExactly(T, T + 5000);
    }

    @Test
    void seconds_go_out_on_the_wall_clock_when_the_watermark_stands_still() throws Exception {
        chat("1", "a", "hi", T + 100);
        harness.setProcessingTime(1000); // first tick: the watermark has not moved since the start
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.processWatermark(new Watermark(T - 1));
        chat("1", "b", "again", T + 200);
        harness.setProcessingTime(2000); // the watermark moved since the last tick: hold on
        assertThat(harness.extractOutputValues()).hasSize(1);
        harness.setProcessingTime(3000); // and now it stood still for a tick
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void the_summary_has_its_own_serializer_and_reads_back_as_written() throws Exception {
        assertThat(TypeInformation.of(ChatSecondSummary.class)).isEqualTo(ChatSecondSummaryTypeInfo.INSTANCE);
        ChatSecondSummary summary = new ChatSecondSummary("42", 7_000);
        summary.add(new ChatMessage("42", "chan", "id1", "ann", "Ann", "LUL LUL LUL", 7_100, List.of("LUL", "LUL"), "m1"));
        summary.add(new ChatMessage("42", "chan", "id2", "", "", "ｎｉｃｅ ㅋㅋㅋ 😂", 7_200, List.of(), "m2"));
        summary.add(new ChatMessage("42", "chan", "id3", null, null, "", 7_300, List.of(), "m3"));
        summary.add(new ChatMessage("42", "chan", "id1", "ann", "Ann", "again", 7_400, List.of(), "m4"));
        summary.bucket.noteCause("raid");
        summary.lateCandidate = new ChatMessage("42", null, null, "bob", null, "late", 7_999, List.of("Kappa"), null);

        ChatSecondSummarySerializer serializer = ChatSecondSummarySerializer.INSTANCE;
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(summary, out);
        ChatSecondSummary back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).usingRecursiveComparison().ignoringFields("bucket.userSet").isEqualTo(summary);
        assertThat(back.bucket.users).containsExactly("ann");
        assertThat(serializer.copy(summary)).usingRecursiveComparison().ignoringFields("bucket.userSet")
                .isEqualTo(summary);
    }
}
