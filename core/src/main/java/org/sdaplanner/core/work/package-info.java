/** Running part of a computation on a second core ({@link org.sdaplanner.core.work.Background}). */
package org.sdaplanner.core.work;
