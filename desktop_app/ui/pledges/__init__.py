"""The 承诺 tab: pledges of a school year, who has not pledged, and the dialogs that change them."""
