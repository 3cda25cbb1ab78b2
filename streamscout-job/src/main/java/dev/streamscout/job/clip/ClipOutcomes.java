package dev.streamscout.job.clip;

import dev.streamscout.core.highlight.Clip;
import dev.streamscout.core.highlight.ClipStatus;
import dev.streamscout.core.highlight.Moment;
import java.util.Locale;

/** Builds the {@link Clip} row for each way a clip request can end, and the title sent to Twitch. */
public final class ClipOutcomes {

    /** Twitch does not document a limit; 100 characters keeps titles readable everywhere. */
    static final int MAX_TITLE_LENGTH = 100;

    /**
     * Starts the failure reason of a moment whose channel refuses clips (Create Clip answered 403:
     * clips disabled, or followers/subscribers only), and of later moments skipped because of it.
     */
    public static final String NOT_CLIPPABLE = "NOT_CLIPPABLE: ";

    private ClipOutcomes() {}

    /**
     * E.g. {@code "somechannel: chat spike, intensity 8.3 (KEKW, no way)"}: the channel, how far chat
     * rose and what it was saying (top emote, then top words, when the detector reported them).
     */
    public static String title(Moment moment) {
        String channel = moment.channelLogin() != null && !moment.channelLogin().isBlank()
                ? moment.channelLogin() : moment.channelId();
        String title = String.format(Locale.ROOT, "%s: chat spike, intensity %.1f", channel, moment.intensity());
        java.util.List<String> words = new java.util.ArrayList<>();
        moment.topEmotes().stream().limit(1).forEach(words::add);
        moment.topTokens().stream().filter(t -> !words.contains(t)).limit(2).forEach(words::add);
        if (!words.isEmpty()) {
            title += " (" + String.join(", ", words) + ")";
        }
        return title.length() <= MAX_TITLE_LENGTH ? title : title.substring(0, MAX_TITLE_LENGTH);
    }

    /** Whether a clip's failure says its channel refuses clips. */
    public static boolean isNotClippable(Clip clip) {
        return clip.failureReason() != null && clip.failureReason().startsWith(NOT_CLIPPABLE);
    }

    public static Clip created(Moment m, String title, long createdMs, String clipId, String url, String editUrl) {
        return clip(m, title, createdMs, clipId, url, editUrl, ClipStatus.CREATED, null);
    }

    /** Twitch accepted the request but it could not be confirmed. */
    public static Clip pending(Moment m, String title, long createdMs, String clipId, String editUrl, String reason) {
        return clip(m, title, createdMs, clipId, null, editUrl, ClipStatus.PENDING, reason);
    }

    /** Twitch refused, or accepted and never produced the clip ({@code clipId} may then be set). */
    public static Clip failed(Moment m, String title, long createdMs, String clipId, String editUrl, String reason) {
        return clip(m, title, createdMs, clipId, null, editUrl, ClipStatus.FAILED, reason);
    }

    public static Clip failed(Moment m, String title, long createdMs, String reason) {
        return failed(m, title, createdMs, null, null, reason);
    }

    public static Clip skipped(Moment m, String title, long createdMs, String reason) {
        return clip(m, title, createdMs, null, null, null, ClipStatus.SKIPPED, reason);
    }

    private static Clip clip(Moment m, String title, long createdMs, String clipId, String url, String editUrl,
            ClipStatus status, String reason) {
        return new Clip(m.id(), clipId, m.channelId(), m.channelLogin(), m.peakMs(), createdMs, url, editUrl,
                title, m.intensity(), m.messageCount(), status, reason);
    }
}
