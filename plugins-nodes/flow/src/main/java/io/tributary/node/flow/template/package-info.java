/**
 * Templates: the {@code template-transform} node and its Jinja2 renderer (Jinjava, embedded privately),
 * configured towards Python Jinja2 and sandboxed. Apart from the other nodes because the template engine and
 * its limits are a concern of their own (graphon's {@code nodes/template_transform}).
 */
package io.tributary.node.flow.template;
