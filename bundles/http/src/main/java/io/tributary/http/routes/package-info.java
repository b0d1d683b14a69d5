/** One class per API family; each only registers routes that call API services. */
package io.tributary.http.routes;
