"""The register of outgoing and incoming documents (sổ đăng ký văn bản đi, đến) and its numbering."""
