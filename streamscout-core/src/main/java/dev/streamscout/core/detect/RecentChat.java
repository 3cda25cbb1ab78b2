package dev.streamscout.core.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last seconds of one channel's chat that {@link MomentExplainer} keeps: closed
 * {@link SecondBucket}s (to explain a moment), how many of the chatter window's seconds each recent
 * chatter wrote in (so that distinct chatters over the window are kept up to date per second, not
 * recounted), and recent cause tags with their times. A mutable Flink POJO; only the explainer should
 * change it.
 */
public class RecentChat {

    /**
     * Closed seconds in which somebody wrote, oldest first, from the last
     * {@link MomentExplainer#KEEP_SECONDS} (quiet seconds have nothing to explain and are not kept).
     */
    public List<SecondBucket> seconds = new ArrayList<>();
    /** Chatter to the number of seconds of the current chatter window in which they wrote. */
    public Map<String, Integer> windowChatters = new HashMap<>();
    /** Start (epoch ms) of the chatter window as of the last closed second; earlier seconds are out of it. */
    public long windowFromMs = Long.MIN_VALUE;
    /** Times (epoch ms) of recent cause tags, parallel to {@link #causeTags}. */
    public List<Long> causeTimes = new ArrayList<>();
    public List<String> causeTags = new ArrayList<>();

    public RecentChat() {}
}
