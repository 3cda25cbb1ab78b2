package dev.streamscout.sim.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up but plausible broadcaster names, stream titles and categories. Categories are real
 * Twitch games with their real ids so that anything keyed by game id behaves as it would live.
 */
final class WorldNames {

    /** A Twitch category. */
    record Game(String id, String name) {}

    static final List<Game> GAMES = List.of(
            new Game("509658", "Just Chatting"),
            new Game("21779", "League of Legends"),
            new Game("32982", "Grand Theft Auto V"),
            new Game("32399", "Counter-Strike"),
            new Game("516575", "VALORANT"),
            new Game("27471", "Minecraft"),
            new Game("33214", "Fortnite"),
            new Game("29595", "Dota 2"),
            new Game("18122", "World of Warcraft"),
            new Game("511224", "Apex Legends"),
            new Game("512953", "Elden Ring"),
            new Game("138585", "Hearthstone"),
            new Game("513143", "Teamfight Tactics"),
            new Game("263490", "Rust"),
            new Game("491931", "Escape from Tarkov"),
            new Game("515025", "Overwatch 2"),
            new Game("743", "Chess"),
            new Game("491487", "Dead by Daylight"));

    private static final List<String> FIRST = List.of(
            "Pixel", "Nova", "Frost", "Kaizen", "Luna", "Grim", "Taco", "Mirth", "Byte", "Sunny",
            "Velvet", "Quasar", "Rogue", "Zephyr", "Moonlit", "Tanky", "Quiet", "Hex", "Glitch", "Orbit",
            "Salty", "Neon", "Drift", "Mellow", "Storm", "Papaya", "Vortex", "Iron", "Cozy", "Turbo",
            "Lazy", "Crimson", "Atomic", "Sleepy", "Feral");

    private static final List<String> SECOND = List.of(
            "Warden", "Rush", "Bard", "Plays", "Fox", "Moth", "Viper", "Goblin", "Noodle", "Dragon",
            "Lotus", "Knight", "Otter", "Raccoon", "TV", "GG", "Live", "Queen", "King", "Wizard",
            "Pilot", "Panda", "Gamer", "Sensei", "Mage", "Bear", "Hawk", "Ninja", "Chef");

    private static final List<String> LANGUAGES = List.of(
            "en", "en", "en", "en", "en", "en", "en", "es", "de", "fr", "pt", "ja", "ko");

    private static final List<String> TITLES = List.of(
            "%s grind until we win | !drops !discord",
            "first playthrough of %s, no spoilers pls",
            "ranked %s | day %d of the climb",
            "chill vibes & %s | !socials",
            "24H STREAM!!! %s marathon (hour %d)",
            "NEW PATCH!! %s all day | !sub",
            "road to top 500 | %s | !specs",
            "%s with viewers, come hang",
            "can we finally beat this? %s attempt %d",
            "morning coffee and %s ☕");

    private WorldNames() {}

    /** {@code count} distinct display names; logins are their lower-case forms. */
    static List<String> displayNames(Random random, int count) {
        Set<String> logins = new HashSet<>();
        List<String> names = new ArrayList<>(count);
        while (names.size() < count) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String second = SECOND.get(random.nextInt(SECOND.size()));
            String name = switch (random.nextInt(6)) {
                case 0 -> first + "_" + second;
                case 1 -> first.toLowerCase() + second.toLowerCase();
                case 2 -> first + second + (random.nextInt(90) + 10);
                default -> first + second;
            };
            if (logins.size() > FIRST.size() * SECOND.size() / 2) {
                // Past half the plain combinations, collisions get frequent: add digits.
                name = name + random.nextInt(1000);
            }
            if (logins.add(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    static Game game(Random random) {
        return GAMES.get(random.nextInt(GAMES.size()));
    }

    static String language(Random random) {
        return LANGUAGES.get(random.nextInt(LANGUAGES.size()));
    }

    static String title(Random random, String gameName) {
        String template = TITLES.get(random.nextInt(TITLES.size()));
        return template.contains("%d")
                ? String.format(template, gameName, random.nextInt(60) + 2)
                : String.format(template, gameName);
    }
}
