"""A participant's tandems: proposals to answer, the virtual coffee, confirmation."""

from django.http import Http404


def tandem_list_view(request):
    raise Http404


def tandem_detail_view(request, pk: int):
    raise Http404
