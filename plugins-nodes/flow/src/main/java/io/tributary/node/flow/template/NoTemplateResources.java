package io.tributary.node.flow.template;

import java.nio.charset.Charset;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;

/**
 * Refuses every template resource. Jinjava's default locator reads from the class path, which here is the
 * flow bundle's (its manifest, embedded jars, classes); a user's template must not read anything but its
 * variables. The {@code include}, {@code import}, {@code from} and {@code extends} tags are disabled as well
 * (see {@link JinjaRenderer}); this catches any other path that loads a resource.
 */
final class NoTemplateResources implements ResourceLocator {
    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
            throws ResourceNotFoundException {
        throw new ResourceNotFoundException("templates cannot load other templates or resources ('" + fullName + "')");
    }
}
