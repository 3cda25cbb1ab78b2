package dev.streamscout.core.detect;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.highlight.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: one channel's chat written as a scenario of messages, e.g.
 * {@code ChatScript.from(BEGINNING).steady(2, TEN_MINUTES).burst(40, "LUL LUL LUL", TEN_SECONDS)}.
 * Steady chat comes from a pool of regulars writing ordinary lines; a burst from many distinct chatters.
 */
final class ChatScript {

    static final String CHANNEL = "42";
    static final String LOGIN = "somechannel";

    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<long[]> causes = new ArrayList<>();
    private final List<String> causeTags = new ArrayList<>();
    private long nextMs;
    private int serial;

    private ChatScript(Instant start) {
        this.nextMs = start.toEpochMilli();
    }

    static ChatScript from(Instant start) {
        return new ChatScript(start);
    }

    /** {@code perSecond} ordinary messages every second for {@code length}, from 20 regulars. */
    ChatScript steady(int perSecond, Duration length) {
        for (long s = 0; s < length.toSeconds(); s++) {
            for (int i = 0; i < perSecond; i++) {
                say("regular" + (serial % 20), "just chatting about things " + (serial % 7));
            }
            nextMs += 1000;
        }
        return this;
    }

    /**
     * Ordinary chat whose messages per second are Poisson with {@code mean}, each from a viewer drawn
     * from an audience of 2,000: chat as it arrives, never quite steady. Seeded, so the same every run.
     */
    ChatScript poisson(double mean, Duration length, java.util.Random random) {
        for (long s = 0; s < length.toSeconds(); s++) {
            int count = 0;
            for (double p = Math.exp(-mean), acc = random.nextDouble(); acc > p; acc *= random.nextDouble()) {
                count++;
            }
            for (int i = 0; i < count; i++) {
                say("viewer" + random.nextInt(2_000), "just chatting about things " + (serial % 7));
            }
            nextMs += 1000;
        }
        return this;
    }

    /** {@code perSecond} messages of {@code text} every second for {@code length}, each from a new chatter. */
    ChatScript burst(int perSecond, String text, Duration length) {
        for (long s = 0; s < length.toSeconds(); s++) {
            for (int i = 0; i < perSecond; i++) {
                say("fan" + serial, text);
            }
            nextMs += 1000;
        }
        return this;
    }

    /** A structured event's cause tag at the current instant. */
    ChatScript cause(String tag) {
        causes.add(new long[] {nextMs});
        causeTags.add(tag);
        return this;
    }

    private void say(String user, String text) {
        long at = nextMs + (serial * 37L) % 1000; // spread inside the second, deterministic
        messages.add(new ChatMessage(CHANNEL, LOGIN, "id-" + user, user, user, text, at, List.of(), "m" + serial));
        serial++;
    }

    Instant now() {
        return Instant.ofEpochMilli(nextMs);
    }

    /** Runs the whole script through a fresh {@link ChannelDetector} and returns the moments. */
    List<Moment> runThrough(SpikeDetector<?> detector) {
        List<Moment> out = new ArrayList<>();
        ChannelDetector<?> channel = new ChannelDetector<>(detector, CHANNEL, LOGIN);
        List<ChatMessage> sorted = new ArrayList<>(messages);
        sorted.sort(java.util.Comparator.comparingLong(ChatMessage::timestamp));
        int c = 0;
        for (ChatMessage m : sorted) {
            while (c < causes.size() && causes.get(c)[0] <= m.timestamp()) {
                channel.noteCause(causes.get(c)[0], causeTags.get(c));
                c++;
            }
            channel.advanceTo(m.timestamp() - 1, out::add);
            channel.accept(m);
        }
        channel.finish(120_000, out::add);
        return out;
    }
}
