package dev.streamscout.sim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Emote detection and tag rendering on hand-written texts. */
class ChatTextTest {

    private final EmoteCatalog catalog = new EmoteCatalog(1);

    @Test
    void rangesCountCodePointsNotUtf16Units() {
        ChatText text = ChatText.of("😂 Kappa 👨‍👩‍👧 LUL Kappa", false, "somechannel", catalog);
        // 😂 is one code point (two UTF-16 units); the family emoji (8-12) is five code points.
        assertThat(text.emotesTag()).isEqualTo("25:2-6,18-22/425618:14-16");
        assertThat(text.emoteNames()).containsExactly("Kappa", "LUL", "Kappa");
    }

    @Test
    void onlyWholeCaseSensitiveWordsAreEmotes() {
        ChatText text = ChatText.of("KappaKappa kappa Kappa, KEKW PogChamp", false, "somechannel", catalog);
        assertThat(text.emotesTag()).isEqualTo("305954156:29-36");
    }

    @Test
    void channelEmotesHaveStableEmotesV2Ids() {
        Emote hype = catalog.channelEmotes("pixelwarden").get(0);
        assertThat(hype.name()).isEqualTo("pixelHype");
        assertThat(hype.id()).matches("emotesv2_[0-9a-f]{32}");
        assertThat(new EmoteCatalog(1).channelEmotes("pixelwarden").get(0)).isEqualTo(hype);
        ChatText text = ChatText.of("pixelHype pixelHype", false, "pixelwarden", catalog);
        assertThat(text.emotesTag()).isEqualTo(hype.id() + ":0-8,10-18");
        // Another channel's subscriber emote is plain text here.
        assertThat(ChatText.of("pixelHype", false, "otherchannel", catalog).emotes()).isEmpty();
    }

    @Test
    void actionsAreFramedOnTheWireButRangesReferToTheInnerText() {
        ChatText text = ChatText.of("dances Kappa", true, "somechannel", catalog);
        assertThat(text.wireText()).isEqualTo("\u0001ACTION dances Kappa\u0001");
        assertThat(text.emotesTag()).isEqualTo("25:7-11");
    }

    @Test
    void tagValuesAreEscapedPerIrcV3() {
        assertThat(PrivmsgFormatter.escapeTagValue("a b;c\\d\r\ne")).isEqualTo("a\\sb\\:c\\\\d\\r\\ne");
        assertThat(PrivmsgFormatter.escapeTagValue("plain")).isEqualTo("plain");
        assertThat(PrivmsgFormatter.escapeTagValue("")).isEmpty();
    }
}
