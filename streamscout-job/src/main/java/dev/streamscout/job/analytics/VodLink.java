package dev.streamscout.job.analytics;

/**
 * A link into a Twitch VOD at a given second: {@code https://www.twitch.tv/videos/<id>?t=<h>h<m>m<s>s},
 * the form Twitch's own "copy video URL at current time" produces; the player starts there.
 */
public final class VodLink {

    private VodLink() {}

    /** @return the link, or {@code null} when the video or the offset is unknown (or the offset negative) */
    public static String at(String videoId, Long offsetSeconds) {
        if (videoId == null || videoId.isBlank() || offsetSeconds == null || offsetSeconds < 0) {
            return null;
        }
        long s = offsetSeconds;
        return "https://www.twitch.tv/videos/" + videoId.strip() + "?t=" + s / 3600 + "h" + s % 3600 / 60 + "m"
                + s % 60 + "s";
    }
}
