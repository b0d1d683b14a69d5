/**
 * The admin API ({@code /admin/v1}, admin token): apps (import, publish, keys), datasets and their keys,
 * and plugins (upload, list, retire).
 */
package io.tributary.http.admin;
