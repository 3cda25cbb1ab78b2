package dev.streamscout.sim.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The emotes the simulated chat uses: Twitch global emotes with their real ids, per-channel
 * subscriber emotes with {@code emotesv2_} ids, and third-party (BTTV/FFZ/7TV) emote words that
 * appear in text but, as on Twitch, never in the {@code emotes} tag.
 */
public final class EmoteCatalog {

    /** Global emotes and their Twitch ids. */
    public static final List<Emote> GLOBAL = List.of(
            new Emote("25", "Kappa"),
            new Emote("305954156", "PogChamp"),
            new Emote("425618", "LUL"),
            new Emote("354", "4Head"),
            new Emote("86", "BibleThump"),
            new Emote("33", "DansGame"),
            new Emote("41", "Kreygasm"),
            new Emote("245", "ResidentSleeper"),
            new Emote("64138", "SeemsGood"),
            new Emote("58765", "NotLikeThis"),
            new Emote("28087", "WutFace"),
            new Emote("30259", "HeyGuys"),
            new Emote("22639", "BabyRage"),
            new Emote("52", "SMOrc"),
            new Emote("360", "FailFish"),
            new Emote("114836", "Jebaited"),
            new Emote("84608", "cmonBruh"),
            new Emote("81274", "VoHiYo"),
            new Emote("28", "MrDestructoid"),
            new Emote("36", "PJSalt"),
            new Emote("34", "SwiftRage"),
            new Emote("55338", "KappaPride"),
            new Emote("58127", "CoolCat"),
            new Emote("69", "BloodTrail"),
            new Emote("123171", "CoolStoryBob"),
            new Emote("444572", "HSCheers"),
            new Emote("116625", "CurseLit"),
            new Emote("301428702", "BOP"));

    /** Third-party emote words: chatters type them, Twitch does not tag them. */
    public static final List<String> THIRD_PARTY = List.of(
            "KEKW", "OMEGALUL", "Sadge", "monkaS", "PepeLaugh", "catJAM", "Pog", "POGGERS", "5Head",
            "FeelsStrongMan", "Clap", "EZ", "widepeepoHappy", "Copium", "xdd");

    /** What chat feels during a hype moment; decides which emotes it spams. */
    enum Mood { HYPE, FUNNY, SAD, SCARY }

    private static final Map<String, Emote> GLOBAL_BY_NAME =
            GLOBAL.stream().collect(Collectors.toUnmodifiableMap(Emote::name, Function.identity()));

    private static final Map<Mood, List<String>> MOOD_WORDS = Map.of(
            Mood.HYPE, List.of("PogChamp", "Kreygasm", "CurseLit", "Pog", "POGGERS", "SwiftRage"),
            Mood.FUNNY, List.of("LUL", "KEKW", "OMEGALUL", "4Head", "LUL", "Jebaited"),
            Mood.SAD, List.of("BibleThump", "NotLikeThis", "Sadge", "BabyRage", "FailFish"),
            Mood.SCARY, List.of("WutFace", "monkaS", "DansGame", "WutFace", "NotLikeThis"));

    private static final List<String> SUB_EMOTE_SUFFIXES = List.of("Hype", "Love", "Lul", "Wave", "Rage");

    private final long seed;
    private final Map<String, List<Emote>> channelEmotes = new ConcurrentHashMap<>();

    public EmoteCatalog(long seed) {
        this.seed = seed;
    }

    /** The global emote with this exact (case-sensitive) name, or null. */
    public static Emote global(String name) {
        return GLOBAL_BY_NAME.get(name);
    }

    /**
     * The channel's subscriber emotes: a prefix from its login plus a suffix, e.g. {@code pixelHype},
     * with stable {@code emotesv2_} ids derived from the seed and the login.
     */
    public List<Emote> channelEmotes(String channelLogin) {
        return channelEmotes.computeIfAbsent(channelLogin, login -> {
            Random random = new Random(seed ^ login.hashCode() * 0x9E3779B97F4A7C15L);
            // Padding keeps a prefix for logins made of digits and underscores only.
            String letters = login.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "sim";
            String prefix = letters.substring(0, Math.min(5, letters.length()));
            List<Emote> emotes = new ArrayList<>();
            for (String suffix : SUB_EMOTE_SUFFIXES) {
                emotes.add(new Emote("emotesv2_" + hex(random, 32), prefix + suffix));
            }
            return List.copyOf(emotes);
        });
    }

    /**
     * The emote a word triggers in this channel, or null for plain words and third-party emotes.
     * Matching is exact and case-sensitive, as Twitch matches emote codes.
     */
    public Emote lookup(String channelLogin, String word) {
        Emote global = GLOBAL_BY_NAME.get(word);
        if (global != null) {
            return global;
        }
        for (Emote emote : channelEmotes(channelLogin)) {
            if (emote.name().equals(word)) {
                return emote;
            }
        }
        return null;
    }

    static List<String> moodWords(Mood mood) {
        return MOOD_WORDS.get(mood);
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
