"""The paperless meeting room (phòng họp không giấy), built on ``capuy.meetings``."""
