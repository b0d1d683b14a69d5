package io.tributary.api.pipeline;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives a datasource node run's events ({@code datasource_processing/completed/error}), in order. */
@ConsumerType
public interface DatasourceEvents {

    /** Progress; either number may be {@code null}. */
    void processing(Integer total, Integer completed);

    /** A result ({@code data} is a JSON value: list or object), with the seconds spent so far. */
    void completed(Object data, Integer total, Integer completed, double timeConsuming);

    /** A failure; no further events follow. */
    void error(String message);
}
