package io.tributary.api.node;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to a run's variable pool. Selectors are {@code [node_id, name, ...path]}; reserved node ids are
 * {@code sys}, {@code env}, {@code conversation} and {@code rag}. Values are JSON-shaped: {@code String},
 * {@code Number}, {@code Boolean}, {@code Map}, {@code List}, or {@code null}.
 */
@ProviderType
public interface Variables {

    /** The value at the selector, or {@code null} when it does not exist. Extra path elements index into objects. */
    Object get(List<String> selector);

    /** True when the selector names an existing variable (whose value may be {@code null}). */
    boolean contains(List<String> selector);

    /** Renders a Dify template: every {@code {{#node_id.var(.path)*#}}} is replaced by the variable's text. */
    String render(String template);
}
