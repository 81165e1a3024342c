"""Page links for the staff lists, as the NHS pagination component wants them."""

from flask import request, url_for
from flask_babel import format_number
from flask_babel import gettext as _


def page_url(endpoint, number):
    """This list's address with the same filters, on another page."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(number)]
    return url_for(endpoint, **args)


def pagination(found, endpoint, label):
    """First, last, and two either side of the current page; None for a single page."""
    if found.pages <= 1:
        return None
    shown = sorted(
        {1, found.pages}
        | {n for n in range(found.number - 2, found.number + 3) if 1 <= n <= found.pages}
    )
    items, last_shown = [], 0
    for number in shown:
        if number - last_shown > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": format_number(number),
                "href": page_url(endpoint, number),
                "current": number == found.number,
                "ariaLabel": _("Page %(number)s", number=format_number(number)),
            }
        )
        last_shown = number
    return {
        "items": items,
        "previous": {"href": page_url(endpoint, found.number - 1), "text": _("Previous")}
        if found.number > 1
        else None,
        "next": {"href": page_url(endpoint, found.number + 1), "text": _("Next")}
        if found.number < found.pages
        else None,
        "ariaLabel": label,
    }
