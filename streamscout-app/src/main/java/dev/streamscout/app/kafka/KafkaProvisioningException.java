package dev.streamscout.app.kafka;

/** Kafka could not be reached, started or set up as StreamScout needs it. */
public class KafkaProvisioningException extends RuntimeException {

    public KafkaProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    public KafkaProvisioningException(String message) {
        super(message);
    }
}
