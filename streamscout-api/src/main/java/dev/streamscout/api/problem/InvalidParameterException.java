package dev.streamscout.api.problem;

/** A query parameter the client sent cannot be used; answered with 400 and a problem body naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    /**
     * @param parameter the parameter's name
     * @param detail    what is wrong and which form is accepted
     */
    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
