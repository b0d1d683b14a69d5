package io.tributary.api.datasource;

/** An expected datasource failure; its message is shown to the client and recorded on the document. */
public class DatasourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatasourceException(String message) {
        super(message);
    }

    public DatasourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
