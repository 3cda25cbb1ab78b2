package dev.streamscout.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The last seconds of one channel's chat that {@link MomentExplainer} keeps: closed
 * {@link SecondBucket}s (to count chatters across seconds and to explain a moment) and recent cause
 * tags with their times. A mutable Flink POJO; only the explainer should change it.
 */
public class RecentChat {

    /** Closed seconds, oldest first, at most {@link MomentExplainer#KEEP_SECONDS}. */
    public List<SecondBucket> seconds = new ArrayList<>();
    /** Times (epoch ms) of recent cause tags, parallel to {@link #causeTags}. */
    public List<Long> causeTimes = new ArrayList<>();
    public List<String> causeTags = new ArrayList<>();

    public RecentChat() {}
}
