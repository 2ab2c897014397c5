"""Reference data (clause set, MR points, legal-acts registry) and their builders."""
