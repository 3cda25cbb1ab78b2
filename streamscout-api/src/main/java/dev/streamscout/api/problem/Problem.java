package dev.streamscout.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type      URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title     short summary of the kind of problem
 * @param status    HTTP status code
 * @param detail    what went wrong in this request and what would be accepted
 * @param instance  the request path
 * @param parameter extension member: the offending query parameter, for invalid input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty("parameter") String parameter) {

    public static final String INVALID_PARAMETER_TYPE = "urn:streamscout:problem:invalid-parameter";
    public static final String ABOUT_BLANK = "about:blank";
}
