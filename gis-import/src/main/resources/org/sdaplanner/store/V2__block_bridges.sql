-- Version 2: bridges a region declares between building blocks that share no boundary.
CREATE TABLE block_bridge (
    code_a VARCHAR(20) NOT NULL,
    code_b VARCHAR(20) NOT NULL,
    PRIMARY KEY (code_a, code_b)
);
