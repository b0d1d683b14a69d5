package io.tributary.api.datasource;

/** An expected datasource failure; its message is shown to the client and recorded on the document. */
public class DataSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public DataSourceException(String message) {
        super(message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
