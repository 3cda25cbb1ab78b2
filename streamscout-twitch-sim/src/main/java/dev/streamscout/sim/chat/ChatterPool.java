package dev.streamscout.sim.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The people who chat in one channel. Chatter k is derived from (seed, channel id, k) alone, so the
 * same seed gives the same people in the same channel whatever order they first speak in.
 *
 * <p>Two kinds: the regulars ({@link #pick}), whose activity is skewed so that a few write a large
 * share of the messages, and the much larger crowd of viewers who rarely type ({@link #passerBy}),
 * drawn uniformly, so that almost every one of their messages comes from somebody not seen for a
 * while. How often each kind writes is {@link ChatterMix}'s business.
 */
final class ChatterPool {

    private static final List<String> WORDS = List.of(
            "sleepy", "otter", "mango", "shadow", "pixel", "tofu", "cactus", "wizard", "pepper",
            "nacho", "lemon", "goose", "panda", "ghost", "toast", "bean", "frog", "moose", "kiwi",
            "rusty", "spooky", "crunchy", "salty", "turbo", "lucky", "noodle", "bagel", "waffle",
            "cosmic", "dizzy", "jelly", "maple", "biscuit", "sushi", "pickle", "raven", "blaze");
    private static final List<String> STEMS = List.of(
            "enjoyer", "andy", "main", "gamer", "fan", "lord", "boi", "gal", "lurker", "enthusiast");
    private static final List<String> COLORS = List.of(
            "#FF0000", "#0000FF", "#008000", "#B22222", "#FF7F50", "#9ACD32", "#FF4500", "#2E8B57",
            "#DAA520", "#D2691E", "#5F9EA0", "#1E90FF", "#FF69B4", "#8A2BE2", "#00FF7F");
    private static final int[] SUB_BADGE_VERSIONS = {0, 3, 6, 9, 12, 24, 36};
    /** Even a small channel has more viewers who might type than regulars. */
    private static final int MIN_CROWD = 1_000;

    private final long seed;
    private final String channelId;
    private final int size;
    private final Chatter[] chatters;
    /** Viewers who are not regulars: indexes {@code size .. size + crowd - 1}. */
    private final int crowd;

    ChatterPool(long seed, String channelId, int viewers) {
        this.seed = seed;
        this.channelId = channelId;
        // Only a fraction of viewers ever type; bounds keep small channels lively and memory small.
        this.size = Math.max(40, Math.min(3_000, viewers / 15));
        this.chatters = new Chatter[size];
        this.crowd = Math.max(MIN_CROWD, viewers);
    }

    /**
     * A viewer from outside the regulars, each equally likely. They are many and write rarely, so
     * they are made on demand rather than kept.
     */
    Chatter passerBy(Random random) {
        return create(person(size + random.nextInt(crowd)));
    }

    /** A chatter, with low indexes (the regulars) much more likely than high ones. */
    Chatter pick(Random random) {
        double u = random.nextDouble();
        int index = (int) (size * u * u * u);
        return chatter(Math.min(index, size - 1));
    }

    private synchronized Chatter chatter(int index) {
        Chatter chatter = chatters[index];
        if (chatter == null) {
            chatter = create(person(index));
            chatters[index] = chatter;
        }
        return chatter;
    }

    private Random person(int index) {
        return new Random(seed * 1_000_003L + channelId.hashCode() * 7_919L + index);
    }

    private Chatter create(Random random) {
        String login = login(random);
        String displayName = random.nextInt(10) < 7 ? capitalize(login) : login;
        String color = random.nextInt(100) < 15 ? "" : COLORS.get(random.nextInt(COLORS.size()));
        boolean mod = random.nextInt(100) < 2;
        boolean vip = !mod && random.nextInt(100) < 2;
        boolean subscriber = random.nextInt(100) < 40;
        boolean turbo = random.nextInt(100) < 2;
        boolean prime = !turbo && random.nextInt(100) < 10;
        int months = subscriber ? 1 + random.nextInt(48) : 0;
        List<String> badges = new ArrayList<>();
        if (mod) {
            badges.add("moderator/1");
        }
        if (vip) {
            badges.add("vip/1");
        }
        if (subscriber) {
            badges.add("subscriber/" + subBadgeVersion(months));
        }
        if (turbo) {
            badges.add("turbo/1");
        }
        if (prime) {
            badges.add("premium/1");
        }
        String badgeInfo = subscriber ? "subscriber/" + months : "";
        String userId = Long.toString(30_000_000L + (long) (random.nextDouble() * 1_000_000_000L));
        return new Chatter(userId, login, displayName, color, badgeInfo, String.join(",", badges),
                mod, subscriber, turbo, random.nextInt(100) < 5, random.nextInt(100) < 3);
    }

    private static String login(Random random) {
        String a = WORDS.get(random.nextInt(WORDS.size()));
        String b = WORDS.get(random.nextInt(WORDS.size()));
        return switch (random.nextInt(6)) {
            case 0 -> a + "_" + b;
            case 1 -> a + b + (random.nextInt(9_000) + 1);
            case 2 -> a + "_" + STEMS.get(random.nextInt(STEMS.size()));
            case 3 -> "xx" + a + "xx";
            case 4 -> a + (1985 + random.nextInt(25));
            default -> a + b;
        };
    }

    private static int subBadgeVersion(int months) {
        int version = 0;
        for (int candidate : SUB_BADGE_VERSIONS) {
            if (months >= candidate) {
                version = candidate;
            }
        }
        return version;
    }

    private static String capitalize(String login) {
        StringBuilder text = new StringBuilder(login.length());
        boolean upper = true;
        for (char c : login.toCharArray()) {
            text.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '_';
        }
        return text.toString().toLowerCase(Locale.ROOT).equals(login) ? text.toString() : login;
    }
}
