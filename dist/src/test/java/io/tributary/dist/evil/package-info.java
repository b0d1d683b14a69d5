/** Misbehaving plugin code for the end-to-end tests of plugin hardening; never shipped. */
package io.tributary.dist.evil;
