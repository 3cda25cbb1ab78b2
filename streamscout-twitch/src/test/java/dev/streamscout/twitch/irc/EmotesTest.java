package dev.streamscout.twitch.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmotesTest {

    @Test
    void indicesAreCodePointsNotUtf16Units() {
        // U+1F449 is one code point but two Java chars.
        List<EmoteRange> r = Emotes.parse("483:2-3,7-8", "👉 <3 👉 <3");
        assertThat(r).containsExactly(new EmoteRange("483", 2, 3, "<3"), new EmoteRange("483", 7, 8, "<3"));
    }

    @Test
    void orderedByStartAcrossIds() {
        assertThat(Emotes.names(Emotes.parse("1902:6-10/25:0-4,12-16", "Kappa Keepo Kappa")))
                .containsExactly("Kappa", "Keepo", "Kappa");
    }

    @Test
    void outOfRangeIsClampedOrDropped() {
        String text = "Då kan du begära skadestånd och förtal Kappa"; // 44 code points
        assertThat(Emotes.parse("25:41-45", text)).containsExactly(new EmoteRange("25", 41, 43, "ppa"));
        assertThat(Emotes.parse("25:44-48", text)).isEmpty();
        assertThat(Emotes.parse("25:0-4", "")).isEmpty();
        assertThat(Emotes.parse("25:0-4", null)).isEmpty();
    }

    @Test
    void garbageEntriesAreSkipped() {
        String text = "Kappa Keepo";
        assertThat(Emotes.parse("25:0-4/:1-2/1902:6-a,-1-3,4-2,6-10,99999999999-100000000000,6-,-6,6", text))
                .containsExactly(new EmoteRange("25", 0, 4, "Kappa"), new EmoteRange("1902", 6, 10, "Keepo"));
        assertThat(Emotes.parse(",,/;::/", text)).isEmpty();
        assertThat(Emotes.parse("", text)).isEmpty();
    }

    @Test
    void idMayContainSlash() {
        // go-twitch-irc's "malformed emotes" line: id 80481_/3, text starting with U+E0000.
        List<EmoteRange> r = Emotes.parse("80481_/3:7-14", "\uDB40\uDC00-tags pajaW_/3.0");
        assertThat(r).containsExactly(new EmoteRange("80481_/3", 7, 14, "pajaW_/3"));
    }

    @Test
    void stringIdsAreKept() {
        assertThat(Emotes.parse("300196486_TK:0-7/emotesv2_abc:9-10", "pajaM_TK :)"))
                .extracting(EmoteRange::id).containsExactly("300196486_TK", "emotesv2_abc");
    }
}
