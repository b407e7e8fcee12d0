/** The test engines every module runs, shipped as this module's test-jar: tokens, database server, isolation matrix, hostile input. */
package uk.org.quadrant.common.testing;
