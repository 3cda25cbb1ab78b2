package dev.streamscout.job.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamscout.core.detect.ChatLine;
import dev.streamscout.core.detect.ChatSecond;
import dev.streamscout.core.detect.Detection;
import dev.streamscout.core.detect.MomentExplainer;
import dev.streamscout.core.detect.RecentChat;
import dev.streamscout.core.detect.SecondBucket;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecentChatSerializerTest {

    private static final long BEGINNING = Instant.parse("2024-05-01T20:00:00Z").toEpochMilli();
    private static final long BURST = BEGINNING + 20_000;

    private final RecentChatSerializer serializer = RecentChatSerializer.INSTANCE;

    @Test
    void a_populated_recent_chat_reads_back_field_by_field() throws IOException {
        RecentChat recent = populated();

        RecentChat back = roundTrip(recent);

        assertSameFields(back, recent);
        assertThat(back.seconds).hasSize(recent.seconds.size()).isNotSameAs(recent.seconds);
        assertThat(back.seconds.get(0).lines.get(2).emotes).isNull();
        assertThat(back.seconds.get(1).lines.get(1).text).isEqualTo("ゲーム始まった 🎉 naïve café");
    }

    @Test
    void a_read_back_recent_chat_explains_and_counts_as_the_original() throws IOException {
        RecentChat recent = populated();
        RecentChat back = roundTrip(recent);
        Detection detection = new Detection("seed", BURST - 4_000, BURST, BURST + 1_000, 60, 2.0, null, 9.0);

        assertThat(MomentExplainer.explain(back, detection)).isEqualTo(MomentExplainer.explain(recent, detection));
        // The chatter window goes on alike: seconds leave it and take their chatters with them.
        long later = BURST + 35_000;
        ChatSecond original = MomentExplainer.close(recent, bucket(later, "viewer1", "still here"));
        ChatSecond restored = MomentExplainer.close(back, bucket(later, "viewer1", "still here"));
        assertThat(restored).isEqualTo(original);
        assertSameFields(back, recent);
    }

    @Test
    void absent_lists_and_fields_read_back_as_absent() throws IOException {
        RecentChat recent = new RecentChat();
        recent.seconds.add(new SecondBucket(BEGINNING)); // no lines, users or causes
        SecondBucket lines = new SecondBucket(BEGINNING + 1_000);
        lines.add(null, null, null);
        lines.add("", "", List.of());
        recent.seconds.add(lines);
        assertSameFields(roundTrip(recent), recent);

        RecentChat empty = new RecentChat();
        empty.seconds = null;
        empty.windowChatters = null;
        empty.causeTimes = null;
        empty.causeTags = null;
        assertSameFields(roundTrip(empty), empty);
    }

    @Test
    void a_copy_shares_nothing_that_changes_with_the_original() throws IOException {
        RecentChat recent = populated();
        RecentChat asItWas = roundTrip(recent);

        RecentChat copy = serializer.copy(recent);
        SecondBucket first = recent.seconds.get(0);
        first.lines.get(0).text = "edited";
        first.lines.get(0).emotes.add("Kappa");
        first.add("newcomer", "late line", null);
        recent.seconds.stream().filter(s -> s.causes != null).findFirst().orElseThrow().causes.add("announcement");
        recent.seconds.remove(1);
        recent.windowChatters.put("newcomer", 1);
        recent.windowChatters.merge("viewer0", 5, Integer::sum);
        recent.causeTimes.add(BURST);
        recent.causeTags.add("announcement");

        assertSameFields(copy, asItWas);
    }

    @Test
    void state_written_as_the_pojo_is_migrated_and_its_own_form_is_read_as_is() throws IOException {
        TypeSerializer<RecentChat> pojo = TypeInformation.of(RecentChat.class).createSerializer(new SerializerConfigImpl());
        TypeSerializer<SecondBucket> otherPojo =
                TypeInformation.of(SecondBucket.class).createSerializer(new SerializerConfigImpl());
        TypeSerializerSnapshot<RecentChat> ours = throughBytes(serializer.snapshotConfiguration());

        assertThat(ours.resolveSchemaCompatibility(throughBytes(pojo.snapshotConfiguration())).isCompatibleAfterMigration())
                .isTrue();
        assertThat(ours.resolveSchemaCompatibility(throughBytes(serializer.snapshotConfiguration())).isCompatibleAsIs())
                .isTrue();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<RecentChat> other = (TypeSerializerSnapshot) throughBytes(otherPojo.snapshotConfiguration());
        assertThat(ours.resolveSchemaCompatibility(other).isIncompatible()).isTrue();
    }

    /**
     * Thirty seconds of chat closed through the explainer as the operator closes them: lines with and
     * without emotes, non-ASCII text, a line without sender, a busy second, causes in a second and
     * noted afterwards.
     */
    static RecentChat populated() {
        RecentChat recent = new RecentChat();
        for (int s = 0; s < 30; s++) {
            long at = BEGINNING + s * 1_000L;
            SecondBucket bucket = new SecondBucket(at);
            if (s == 20) {
                for (int i = 0; i < 12; i++) {
                    bucket.add("hyper" + i, "PogChamp PogChamp LETS GO", new ArrayList<>(List.of("PogChamp", "PogChamp")));
                }
            } else if (s % 3 != 2) { // some seconds stay quiet
                bucket.add("viewer" + (s % 4), "chatting along " + s, new ArrayList<>(List.of("Kappa")));
                bucket.add("viewer" + (s % 5), "ゲーム始まった 🎉 naïve café", null);
                bucket.add(s % 2 == 0 ? null : "viewer9", "no emotes here", null);
            }
            if (s == 18) {
                bucket.noteCause("raid");
            }
            if (bucket.messages == 0 && bucket.causes == null) {
                MomentExplainer.closeQuiet(recent, at);
            } else {
                MomentExplainer.close(recent, bucket);
            }
        }
        MomentExplainer.noteCause(recent, BEGINNING + 5_000, "gift_sub_bomb");
        return recent;
    }

    private static SecondBucket bucket(long at, String user, String text) {
        SecondBucket bucket = new SecondBucket(at);
        bucket.add(user, text, null);
        return bucket;
    }

    private RecentChat roundTrip(RecentChat recent) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(recent, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        RecentChat back = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeSerializerSnapshot<T> throughBytes(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                RecentChatSerializerTest.class.getClassLoader());
    }

    /**
     * Every field, each bucket's too (its chatters included, which are rebuilt from the lines); only
     * the bucket's transient chatter set, a lookup rebuilt on demand, is left out.
     */
    static void assertSameFields(RecentChat actual, RecentChat expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*userSet")
                .withStrictTypeChecking().isEqualTo(expected);
        if (expected.seconds != null) {
            for (int i = 0; i < expected.seconds.size(); i++) {
                SecondBucket e = expected.seconds.get(i);
                SecondBucket a = actual.seconds.get(i);
                assertThat(a.users).isEqualTo(e.users);
                assertThat(a.lines == null ? null : a.lines.stream().map(RecentChatSerializerTest::describe).toList())
                        .isEqualTo(e.lines == null ? null : e.lines.stream().map(RecentChatSerializerTest::describe).toList());
            }
        }
    }

    private static String describe(ChatLine line) {
        return line.user + "|" + line.text + "|" + line.emotes;
    }
}
