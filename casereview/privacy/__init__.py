"""Privacy: retention and anonymisation of closed cases, subject access, erasure."""
