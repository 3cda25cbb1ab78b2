package dev.streamscout.store;

import dev.streamscout.core.highlight.ClipStatus;
import java.util.Objects;

/**
 * What became of a moment's Create Clip request: the part of a {@code clips} row a moment list shows.
 *
 * @param status        the outcome
 * @param clipId        Twitch clip id, null unless created or pending
 * @param url           the clip's page, null unless created
 * @param editUrl       the clip's edit page, null unless created
 * @param failureReason why it failed or was skipped, null otherwise
 */
public record ClipOutcome(ClipStatus status, String clipId, String url, String editUrl, String failureReason) {

    public ClipOutcome {
        Objects.requireNonNull(status, "status");
    }
}
