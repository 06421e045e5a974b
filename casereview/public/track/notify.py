"""Progress e-mails to the applicant at each step (registered as a side effect)."""
