/** Comments on plans: where each is about, the plan context it keeps, and what each reader may see of it. */
package org.sdaplanner.web.comments;
