package dev.streamscout.sim.chat;

import java.util.List;
import java.util.Random;

/**
 * Writes chat lines that read like Twitch chat: short phrases, global and channel emotes,
 * third-party emote words, a few {@code !commands} (about 3 %), emoji (some made of several code
 * points), the odd {@code /me} action and non-English text. During a hype moment chat turns to
 * emote spam and capital letters.
 */
final class ChatTextFactory {

    private static final List<String> PHRASES = List.of(
            "lets go", "no way", "that was insane", "gg", "gg wp", "what just happened",
            "chat is this real", "hi chat", "first time here, love the vibe", "W", "L", "W streamer",
            "clip it", "he's cooked", "bro what", "how did that hit", "unlucky", "ez clap",
            "nice one", "that's actually crazy", "I was here", "what is this music", "lmao",
            "lol", "LMAO", "true", "real", "facts", "no shot", "actually cracked", "so clean",
            "that timing though", "chat we're so back", "it's over", "sadge moment",
            "this game is so pretty", "what rank is this?", "how long have you been live?",
            "just got here, what did I miss", "can you play the other map next?", "hydrate!",
            "GIGACHAD play", "nah that's cap", "1", "2", "?", "???", "!!!", "yo", "hello hello",
            "the audio is a bit low", "mods?", "big brain", "skill issue", "diff",
            "ok that was smooth", "I need to sleep but I can't stop watching",
            "good morning from Germany", "¯\\_(ツ)_/¯", "(╯°□°)╯︵ ┻━┻", "jajaja", "très bien",
            "привет всем", "ありがとう", "kkkkkkk", "naur", "ratio", "based", "yapping");

    private static final List<String> HYPE_PHRASES = List.of(
            "LETS GOOOO", "NO WAY", "CLIP IT", "OMG", "WHAT", "HOLY", "INSANE", "CLIP THAT",
            "DID YOU SEE THAT", "AAAAAAA", "NO SHOT", "YOOOOO", "W", "HUGE");
    private static final List<String> SAD_PHRASES = List.of(
            "noooo", "so close", "unlucky", "it's joever", "pain", "F", "F F F", "why");

    /** Everyday shouting: capitals of four letters or more. */
    private static final List<String> SHOUTS = List.of(
            "LMAO", "LMAOOO", "BRO WHAT", "NO WAY", "LETS GO", "HAHAHA", "WHAT", "NOOO", "YOOO", "OMG LOL",
            "THE AUDIO", "CHAT LOOK", "SO GOOD", "HELLO CHAT");
    /** Words chat repeats three times or more ("W W W"). */
    private static final List<String> SHORT_WORDS = List.of("W", "L", "F", "gg", "lol", "no", "yes", "1", "?");
    /** Characters chat repeats ("??????", "hahahaha", "kkkkkk"). */
    private static final List<String> REPEATS = List.of("?", "!", "ha", "k", "h", "xd", "o", "7");

    private static final List<String> COMMANDS = List.of(
            "!uptime", "!discord", "!song", "!followage", "!specs", "!sens", "!prime", "!lurk",
            "!socials", "!rank", "!game", "!points", "!commands", "!drops");

    /** Emoji, including ones made of several code points (skin tone, variation selector, ZWJ). */
    private static final List<String> EMOJI = List.of(
            "😂", "🔥", "❤️", "👀", "💀", "🙏", "😭", "👍🏽", "🎉", "🤣", "😱", "🏳️‍🌈", "👨‍👩‍👧", "🐐", "✨");

    /** Commonly used globals, weighted by repetition. */
    private static final List<String> COMMON_GLOBALS = List.of(
            "Kappa", "Kappa", "Kappa", "LUL", "LUL", "LUL", "PogChamp", "PogChamp", "4Head",
            "SeemsGood", "BibleThump", "NotLikeThis", "Kreygasm", "ResidentSleeper", "DansGame",
            "WutFace", "HeyGuys", "BabyRage", "CoolCat", "SMOrc", "FailFish", "Jebaited",
            "cmonBruh", "VoHiYo", "KappaPride", "CurseLit", "HSCheers", "BOP", "PJSalt",
            "SwiftRage", "BloodTrail", "CoolStoryBob", "MrDestructoid");

    private final EmoteCatalog catalog;

    ChatTextFactory(EmoteCatalog catalog) {
        this.catalog = catalog;
    }

    /** An everyday message; {@code replyTo} (may be null) is a login the message answers. */
    ChatText normal(Random random, String channelLogin, String streamerLogin, String replyTo) {
        if (replyTo == null && random.nextDouble() < ChatterMix.ORDINARY_SHOUT_SHARE) {
            return shout(random, channelLogin);
        }
        int kind = random.nextInt(1000);
        if (replyTo == null && kind < 30) {
            String command = pick(random, COMMANDS);
            return ChatText.of(random.nextInt(4) == 0 ? command + " @" + streamerLogin : command,
                    false, channelLogin, catalog);
        }
        StringBuilder text = new StringBuilder();
        if (replyTo != null) {
            text.append('@').append(replyTo).append(' ');
        } else if (random.nextInt(100) < 5) {
            text.append('@').append(streamerLogin).append(' ');
        }
        if (kind < 180) {
            appendEmotes(random, channelLogin, text, 1 + random.nextInt(3));
        } else if (kind < 250) {
            text.append(pick(random, EmoteCatalog.THIRD_PARTY));
            if (random.nextBoolean()) {
                text.append(' ').append(pick(random, PHRASES));
            }
        } else {
            boolean emojiFirst = random.nextInt(100) < 8;
            if (emojiFirst) {
                text.append(pick(random, EMOJI)).append(' ');
            }
            if (random.nextInt(100) < 10) {
                appendEmotes(random, channelLogin, text, 1);
                text.append(' ');
            }
            text.append(pick(random, PHRASES));
            if (random.nextInt(100) < 30) {
                text.append(' ');
                appendEmotes(random, channelLogin, text, 1 + random.nextInt(2));
            }
            if (!emojiFirst && random.nextInt(100) < 8) {
                text.append(' ').append(pick(random, EMOJI));
            }
        }
        boolean action = replyTo == null && random.nextInt(100) == 0;
        return ChatText.of(text.toString(), action, channelLogin, catalog);
    }

    /**
     * Everyday shouting, what the detector counts as loud: capitals, one token three times or more,
     * or one or two characters repeated.
     */
    private ChatText shout(Random random, String channelLogin) {
        String text = switch (random.nextInt(3)) {
            case 0 -> pick(random, SHOUTS);
            case 1 -> {
                String word = random.nextBoolean() ? emoteWord(random, channelLogin) : pick(random, SHORT_WORDS);
                yield (word + " ").repeat(3 + random.nextInt(3)).strip();
            }
            default -> pick(random, REPEATS).repeat(3 + random.nextInt(5));
        };
        return ChatText.of(text, false, channelLogin, catalog);
    }

    /** A message written while chat erupts: emote spam and capitals in the moment's mood. */
    ChatText hype(Random random, String channelLogin, String streamerLogin, EmoteCatalog.Mood mood) {
        int kind = random.nextInt(100);
        if (kind < 15) {
            return normal(random, channelLogin, streamerLogin, null);
        }
        List<String> words = EmoteCatalog.moodWords(mood);
        StringBuilder text = new StringBuilder();
        if (kind < 75) {
            String word = mood == EmoteCatalog.Mood.HYPE && random.nextInt(4) == 0
                    ? catalog.channelEmotes(channelLogin).get(0).name()
                    : pick(random, words);
            int repeats = 1 + random.nextInt(6);
            for (int i = 0; i < repeats; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(random.nextInt(5) == 0 ? pick(random, words) : word);
            }
        } else {
            List<String> phrases = mood == EmoteCatalog.Mood.SAD ? SAD_PHRASES : HYPE_PHRASES;
            text.append(pick(random, phrases));
            int emotes = random.nextInt(4);
            for (int i = 0; i < emotes; i++) {
                text.append(' ').append(pick(random, words));
            }
            if (random.nextInt(3) == 0) {
                text.append(' ').append(moodEmoji(mood));
            }
        }
        return ChatText.of(text.toString(), false, channelLogin, catalog);
    }

    private void appendEmotes(Random random, String channelLogin, StringBuilder text, int count) {
        String first = emoteWord(random, channelLogin);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            // Repeating the same emote is what chat does; it also exercises multi-range tags.
            text.append(random.nextBoolean() ? first : emoteWord(random, channelLogin));
        }
    }

    private String emoteWord(Random random, String channelLogin) {
        int source = random.nextInt(10);
        if (source < 7) {
            return pick(random, COMMON_GLOBALS);
        }
        if (source < 9) {
            return pick(random, catalog.channelEmotes(channelLogin)).name();
        }
        return pick(random, EmoteCatalog.THIRD_PARTY);
    }

    private static String moodEmoji(EmoteCatalog.Mood mood) {
        return switch (mood) {
            case HYPE -> "🔥";
            case FUNNY -> "😂";
            case SAD -> "😭";
            case SCARY -> "😱";
        };
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
