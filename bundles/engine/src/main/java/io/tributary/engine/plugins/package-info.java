/** Plugin administration: install uploaded bundles beside existing versions, drain, retire, restore after a clean start. */
package io.tributary.engine.plugins;
