package dev.streamscout.sim.world;

import dev.streamscout.sim.SimClip;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Clips created through Create Clip. A clip exists from the call on but becomes visible to Get
 * Clips only after the configured delay, as clip processing does on Twitch.
 */
public final class ClipStore {

    private static final List<String> ADJECTIVES = List.of(
            "Awkward", "Helpless", "Spicy", "Frail", "Brave", "Tenuous", "Clever", "Shy", "Tangible",
            "Gleaming", "Crispy", "Sneaky", "Elegant", "Fancy", "Hungry", "Lively", "Odd", "Wild");
    private static final List<String> NOUNS = List.of(
            "Salamander", "Salmon", "Otter", "Badger", "Pangolin", "Koala", "Turtle", "Lemur", "Yak",
            "Walrus", "Ferret", "Toucan", "Gerbil", "Heron");
    private static final List<String> EMOTES = List.of(
            "SwiftRage", "DoritosChip", "Kappa", "PogChamp", "BibleThump", "ResidentSleeper",
            "NotLikeThis", "CoolCat", "KappaPride", "SeemsGood", "WutFace", "PJSalt");
    private static final String SUFFIX_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

    private final Clock clock;
    private final Duration delay;
    private final Random random;
    private final Map<String, SimClip> byId = new ConcurrentHashMap<>();
    private final List<SimClip> inOrder = new CopyOnWriteArrayList<>();

    public ClipStore(long seed, Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
        this.random = new Random(seed * 31 + 17);
    }

    /** Records a new clip of the channel's current stream; it becomes visible after the delay. */
    public SimClip create(ChannelState channel, String creatorId, String creatorName, String title,
                          double duration) {
        Instant now = clock.instant();
        long vodOffset = Math.max(0, Duration.between(channel.startedAt(), now).getSeconds() - (long) duration);
        String clipTitle = title == null || title.isBlank() ? channel.title() : title;
        SimClip clip = new SimClip(newId(), channel.id(), channel.login(), channel.displayName(),
                creatorId, creatorName, channel.gameId(), channel.language(), clipTitle, duration,
                vodOffset, now.truncatedTo(ChronoUnit.MILLIS), now.plus(delay));
        byId.put(clip.id(), clip);
        inOrder.add(clip);
        return clip;
    }

    /** The clip if it exists and is ready. */
    public Optional<SimClip> findReady(String id) {
        SimClip clip = byId.get(id);
        return clip != null && clip.isReadyAt(clock.instant()) ? Optional.of(clip) : Optional.empty();
    }

    /** Ready clips of one broadcaster, newest first. */
    public List<SimClip> readyFor(String broadcasterId) {
        return readyWhere(clip -> clip.broadcasterId().equals(broadcasterId));
    }

    /** Ready clips of one category, newest first. */
    public List<SimClip> readyForGame(String gameId) {
        return readyWhere(clip -> clip.gameId().equals(gameId));
    }

    private List<SimClip> readyWhere(Predicate<SimClip> filter) {
        Instant now = clock.instant();
        List<SimClip> snapshot = List.copyOf(inOrder);
        List<SimClip> result = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            SimClip clip = snapshot.get(i);
            if (filter.test(clip) && clip.isReadyAt(now)) {
                result.add(clip);
            }
        }
        return result;
    }

    /** Every clip created so far, ready or not, in creation order. */
    public List<SimClip> all() {
        return List.copyOf(inOrder);
    }

    private String newId() {
        synchronized (random) {
            while (true) {
                StringBuilder id = new StringBuilder()
                        .append(ADJECTIVES.get(random.nextInt(ADJECTIVES.size())))
                        .append(ADJECTIVES.get(random.nextInt(ADJECTIVES.size())))
                        .append(NOUNS.get(random.nextInt(NOUNS.size())))
                        .append(EMOTES.get(random.nextInt(EMOTES.size())))
                        .append('-');
                for (int i = 0; i < 16; i++) {
                    id.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
                }
                if (!byId.containsKey(id.toString())) {
                    return id.toString();
                }
            }
        }
    }
}
